"""Chinese forms of pointscalc's messages, keyed by their English templates.

A template's ``{fields}`` must appear in its Chinese form too (a test checks both ways,
and that every ``tr("…")`` in the code has an entry here).  Codes (a scheme's key, a
field such as ``periods[2].start``, an option such as ``--quota``) stay as they are: a user
types them.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # errors.py
    "nothing": "空值",
    "true": "是",
    "false": "否",
    "a table": "一个表",
    "a list": "一个列表",
    "a number of more than 8 digits": "一个超过 8 位的数",
    "blank text": "空白文本",
    "an empty text": "空文本",
    "a text of {n} characters ({kinds})": "{n} 个字符的文本（{kinds}）",
    "a text of 1 character ({kinds})": "1 个字符的文本（{kinds}）",
    "digits": "数字",
    "other digits": "其他数字",
    "Latin letters": "拉丁字母",
    "Chinese characters": "汉字",
    "other letters": "其他字母",
    "spaces": "空格",
    "other characters": "其他字符",
    "{file}, row {row}": "{file}，第 {row} 行",
    ": ": "：",
    "scheme {scheme!r}: its rule {key!r} failed ({kind}); this is a defect of the scheme, not of the input":
        "方案 {scheme!r}：其规则 {key!r} 出错（{kind}）；这是方案的缺陷，不是输入的问题",
    # scheme.py
    "official": "官方",
    "secondary": "二手",
    "weak": "存疑",
    "assumed": "假定",
    "no such file or folder": "文件或文件夹不存在",
    "permission denied": "没有权限",
    "not permitted": "不允许",
    "is a folder, not a file": "是文件夹，不是文件",
    "a part of the path is not a folder": "路径中有一部分不是文件夹",
    "no space left on the device": "磁盘空间不足",
    "the file system is read-only": "文件系统只读",
    "already exists": "已存在",
    "the name is too long": "名称过长",
    "the folder is not empty": "文件夹不为空",
    #
    # ---- rules, scheme, report, recognition: what show, score and recognition print ----
    #
    #
    #
    # ---- reading, limits, idnumber, columns, quotas, tables: the input and its errors ----
    #
    # limits.py
    "cannot be read: {reason}": "无法读取：{reason}",
    "is not a regular file": "不是普通文件",
    "expected a finite number": "应为有限的数",
    "expected a number of at most {n} digits before the decimal point": "应为小数点前最多 {n} 位的数",
    "expected at most {n} decimal places": "应为最多 {n} 位小数",
    "expected a number, not true or false": "应为数字，而不是是/否",
    "expected a number written with the digits 0-9": "应为用数字 0-9 书写的数",
    "expected a whole number, not true or false": "应为整数，而不是是/否",
    "expected a whole number written with the digits 0-9": "应为用数字 0-9 书写的整数",
    "expected a whole number of at most {n} digits": "应为最多 {n} 位的整数",
    "a run of more than {run} digits; numbers have at most {n} digits before the point":
        "连续超过 {run} 位数字；数值小数点前最多 {n} 位",
    "line {line}: {what}": "第 {line} 行：{what}",
    "{what} at line {line}, column {column}": "{what}（第 {line} 行第 {column} 列）",
    "a line longer than {n} characters": "一行超过 {n} 个字符",
    "the key {key} is given twice in one object: keep one": "同一对象中键 {key} 出现两次：请只保留一个",
    "is not valid JSON: {reason}": "不是有效的 JSON：{reason}",
    "is nested deeper than any applicant or quota file": "嵌套层数超过任何申请人文件或名额文件",
    "is not valid TOML: {reason}": "不是有效的 TOML：{reason}",
    "is not valid TOML: {reason} (at line {line}, column {column})": "不是有效的 TOML：{reason}（第 {line} 行第 {column} 列）",
    "is not valid TOML: {reason} (at end of document)": "不是有效的 TOML：{reason}（在文件末尾）",
    "Expecting value": "此处应有一个值",
    "Expecting property name enclosed in double quotes": "此处应有用双引号括起的键名",
    "Expecting ':' delimiter": "此处应有分隔符 ':'",
    "Expecting ',' delimiter": "此处应有分隔符 ','",
    "Extra data": "多余的内容",
    "Unterminated string starting at": "字符串未结束",
    "Invalid control character at": "无效的控制字符",
    "Invalid control character {char} at": "无效的控制字符 {char}",
    "Invalid \\escape": "无效的转义符",
    "Invalid \\escape: {char}": "无效的转义符：{char}",
    "Invalid \\uXXXX escape": "无效的 \\uXXXX 转义",
    "Cannot overwrite a value": "不能覆盖已有的值",
    "Escaped character is not a Unicode scalar value": "转义字符不是 Unicode 标量值",
    "Expected '=' after a key in a key/value pair": "键值对中键后面应有 '='",
    "Expected ']' at the end of a table declaration": "表声明末尾应有 ']'",
    "Expected ']]' at the end of an array declaration": "数组声明末尾应有 ']]'",
    "Invalid date or datetime": "无效的日期或日期时间",
    "Invalid hex value": "无效的十六进制值",
    "Invalid initial character for a key part": "键名的首字符无效",
    "Invalid statement": "无效的语句",
    "Invalid value": "无效的值",
    "Unclosed array": "数组未闭合",
    "Unclosed inline table": "内联表未闭合",
    "Unescaped '\\' in a string": "字符串中有未转义的 '\\'",
    "Unterminated string": "字符串未结束",
    "Expected {char}": "此处应有 {char}",
    "Found invalid character {char}": "发现无效字符 {char}",
    "Cannot declare {key} twice": "不能两次声明 {key}",
    "Cannot mutate immutable namespace {key}": "不能修改不可变的命名空间 {key}",
    "Cannot redefine namespace {key}": "不能重新定义命名空间 {key}",
    "Duplicate inline table key {key}": "内联表中键 {key} 重复",
    "Illegal character {char}": "非法字符 {char}",
    # idnumber.py
    "an ID number has 18 characters, this one has {n}": "身份证号码有 18 位，此号码有 {n} 位",
    "an ID number is 17 digits 0-9 followed by a digit or X": "身份证号码为 17 位数字 0-9 加一位数字或 X",
    "characters 1–2 of an ID number must be a province code (GB/T 2260), and these are not":
        "身份证号码第 1–2 位应为省级行政区划代码（GB/T 2260），此号码不是",
    "characters 7–14 of an ID number must be a real birth date": "身份证号码第 7–14 位应为真实的出生日期",
    "characters 7–14 of an ID number give a birth year before 1900": "身份证号码第 7–14 位给出的出生年份早于 1900 年",
    "characters 7–14 of an ID number give a birth date after --as-of {as_of}":
        "身份证号码第 7–14 位给出的出生日期晚于 --as-of {as_of}",
    "the check digit (last character) does not match GB 11643": "校验码（最后一位）不符合 GB 11643",
    # places.py
    "unknown city: expected a prefecture-level city by its Chinese name (苏州) or pinyin, got {got}":
        "未知城市：应为地级市的中文名（苏州）或拼音，实为{got}",
    "this pinyin names several cities ({cities}): give the Chinese name": "此拼音对应多个城市（{cities}）：请写中文名",
    "unknown district of {city}: expected one of {districts}, got {got}":
        "{city}没有此区县：应为 {districts} 之一，实为{got}",
    # model.py
    "expected one of {choices}, got {got}{hint}": "应为 {choices} 之一，实为{got}{hint}",
    "{code} ({name})": "{code}（{name}）",
    # aliases.py
    " (did you mean {names}?)": "（是否想写 {names}？）",
    " or ": " 或 ",
    # reading.py
    "expected true or false, got {got}": "应为 true 或 false（是/否），实为{got}",
    "expected a non-empty text, got {got}": "应为非空文本，实为{got}",
    "expected a date YYYY-MM-DD from 1900 on, got {got}": "应为 1900 年以后的日期（YYYY-MM-DD 或 YYYY年M月D日），实为{got}",
    "expected a month YYYY-MM from 1900 on, got {got}": "应为 1900 年以后的年月（YYYY-MM 或 YYYY年M月），实为{got}",
    "expected a birth date from 1900 on": "出生日期应在 1900 年以后",
    "expected a birth date YYYY-MM-DD or month YYYY-MM from 1900 on, got {got}":
        "应为 1900 年以后的出生日期（YYYY-MM-DD 或 YYYY年M月D日）或出生年月（YYYY-MM 或 YYYY年M月），实为{got}",
    "expected more than {low} to {high} ({why}), got {got}": "应大于 {low} 且不超过 {high}（{why}），实为{got}",
    "expected from {low} to {high} ({why}), got {got}": "应为 {low} 至 {high}（{why}），实为{got}",
    "m² of floor area": "建筑面积，平方米",
    "years of a working life": "一生工作的年数",
    "<a key: {shape}>": "<一个键：{shape}>",
    "is required": "必填",
    "is given twice, as {first} and as {second}: keep one": "给出了两次，分别为 {first} 和 {second}：请只保留一个",
    "unknown field for {what}{hint}; expected one of {known}": "{what}没有此字段{hint}；应为 {known} 之一",
    "expected a table of fields": "应为字段表",
    "expected a list": "应为列表",
    "an applicant": "申请人",
    "education": "教育",
    "origin": "户籍",
    "a family member": "家庭成员",
    "a {kind} record": "{kind} 记录",
    "a {kind} period": "{kind} 期间",
    "this scheme's extra facts": "本方案的其他事实",
    "does not match the birth date in the ID number": "与身份证号码中的出生日期不一致",
    "does not match the sex encoded in the ID number": "与身份证号码中的性别不一致",
    "expected an ID number as text, got {got}": "身份证号码应写成文本，实为{got}",
    "an ID number has 18 characters, this one has more or is negative": "身份证号码有 18 位，此号码更长或为负数",
    "is before start: a period ends in or after the month it starts": "早于开始年月：期间的结束月不能早于开始月",
    "unknown fact: this scheme reads no extra facts": "未知事实：本方案不读取其他事实",
    "expected a table of applicant fields": "应为申请人字段表",
    "no applicant could be read": "无法读出申请人",
    "is not UTF-8 text": "不是 UTF-8 文本",
    "expected a .toml or .json file": "应为 .toml 或 .json 文件",
    "gives a birth date after --as-of {as_of}: not yet born": "给出的出生日期晚于 --as-of {as_of}：尚未出生",
    "{birth} is after --as-of {as_of}: not yet born": "{birth} 晚于 --as-of {as_of}：尚未出生",
    "{birth} is after --as-of {as_of}: leave this member out for that date":
        "{birth} 晚于 --as-of {as_of}：该日期下请不要列出这名成员",
    # run.py (_columns)
    "the header is not a known column{hint}; expected some of {known} (is the header row missing?)":
        "表头不是已知的列{hint}；应为 {known} 中的若干列（是否缺少表头行？）",
    "a second column for {column}": "{column} 的第二列",
    # tables.py
    "is neither UTF-8 nor GB18030 text": "既不是 UTF-8 也不是 GB18030 文本",
    "has {cells} cells, the header has {header}": "有 {cells} 个单元格，表头有 {header} 个",
    "is empty: expected a header row": "是空的：应有表头行",
    "a cell longer than {n} characters": "单元格超过 {n} 个字符",
    "a row the CSV reader cannot read": "CSV 读取器无法读取的一行",
    "{what}; the file is not read further": "{what}；文件不再往下读取",
    "expected a .csv or .xlsx table": "应为 .csv 或 .xlsx 表格",
    "column {i} ({letters})": "第 {i} 列（{letters}）",
    "cannot be read as XLSX: {reason}": "无法按 XLSX 读取：{reason}",
    "it is not a zip archive, which an XLSX file is": "它不是 XLSX 文件应有的压缩包格式",
    "a part of the workbook is missing": "工作簿缺少一部分",
    "it is malformed": "格式有误",
    "holds a formula with no saved value: open the file in Excel and save it, or paste the column as values":
        "含有未保存计算结果的公式：请在 Excel 中打开并保存该文件，或将该列粘贴为数值",
    "has a value beyond the header's last column": "在表头最后一列之后还有值",
    # columns.py
    "not valid UTF-8 after its byte-order mark": "字节顺序标记之后不是有效的 UTF-8",
    "a header only, blank lines, quoted line breaks or lines ended by CR alone":
        "只有表头、有空行、引号内有换行，或有仅以 CR 结尾的行",
    "Arrow cannot read it faithfully (rows of another length than the header, or quoting it does not follow)":
        "Arrow 无法如实读取（有的行长度与表头不同，或引号用法它不支持）",
    "a cell that may be longer than the CSV reader's limit": "有单元格可能超过 CSV 读取器的长度上限",
    "cells with surrounding spaces, which the reference reader strips": "有单元格首尾带空格，参考读取器会去掉这些空格",
    "no applicants": "没有申请人",
    "no applicants the columns can take": "没有按列引擎可以处理的申请人",
    "a {key} table needs the applicant ID column (身份证号)": "{key} 表需要申请人身份证号列（身份证号）",
    # quotas.py
    "--quota: expected a whole number of places or the path of a quota file (.toml or .csv), and this is neither":
        "--quota：应为名额数（整数）或名额文件的路径（.toml 或 .csv），此值两者都不是",
    "expected a quota file ending in .toml or .csv": "应为以 .toml 或 .csv 结尾的名额文件",
    "quota": "名额",
    "bucket": "区域",
    "bucket {name}": "区域 {name}",
    "is empty": "为空",
    "is given twice": "出现了两次",
    "is empty; write a whole number of places, or {open} for a bucket that admits every eligible applicant":
        "为空；请写名额数（整数），或写“{open}”表示录取该区域所有符合条件的申请人",
    "expected a whole number of places (0 or more) or {open}, got {got}":
        "应为名额数（0 或以上的整数）或“{open}”，实为{got}",
    "expected a whole number of places or {open}, got {got}": "应为名额数（整数）或“{open}”，实为{got}",
    "is empty; expected one line per bucket, such as {example}": "是空的；应每个区域一行，如 {example}",
    "a bucket has an empty name": "有区域名称为空",
    "column {i} of the header row is not a quota column{hint}: expected the header bucket,quota (or {buckets} and {quotas}); is the header row missing?":
        "表头第 {i} 列不是名额文件的列{hint}：表头应为 {buckets} 之一与 {quotas} 之一，如 区域,名额；是否缺少表头行？",
    "the header row has no {columns} column: expected the header bucket,quota": "表头行没有{columns}列：表头应为 区域,名额",
    " and no ": "列，也没有",
    "has a header and no buckets; expected one row per bucket": "只有表头，没有区域；应每个区域一行",
    "--quota {n}: a number is places in total, and this ranking has a quota per bucket ({buckets}); pass a quota file instead, one line per bucket, such as {example}":
        "--quota {n}：数字表示名额总数，而本方案的排名按区域分配名额（{buckets}）；请改用名额文件，每个区域一行，如 {example}",
    "--quota {n}: a number is places in total, and the input has buckets ({buckets}); pass a quota file instead, one line per bucket":
        "--quota {n}：数字表示名额总数，而输入中有多个区域（{buckets}）；请改用名额文件，每个区域一行",
    "did you mean {names}?": "是否想写 {names}？",
    "known buckets: {buckets}": "已知区域：{buckets}",
    "not a bucket of this scheme's ranking": "不是本方案排名中的区域",
    "not a bucket of the input": "不是输入中的区域",
    "{what}; {hint}": "{what}；{hint}",
    "no quota for {buckets}, which has eligible applicants; give each bucket a number of places, or {open} to admit every eligible applicant":
        "{buckets} 有符合条件的申请人，却没有名额；请为每个区域写名额数，或写“{open}”录取所有符合条件的申请人",
    "no quota for {buckets}, which have eligible applicants; give each bucket a number of places, or {open} to admit every eligible applicant":
        "{buckets} 有符合条件的申请人，却没有名额；请为每个区域写名额数，或写“{open}”录取所有符合条件的申请人",
    " and {n} more": " 等另外 {n} 个",
    # schema.py
    "YYYY-MM, or YYYY年M月": "YYYY-MM 或 YYYY年M月",
    "YYYY-MM-DD, or YYYY年M月D日": "YYYY-MM-DD 或 YYYY年M月D日",
    "a decimal number, as a number or a string": "十进制数，写成数字或字符串均可",
    "a whole number": "整数",
    "true or false (是/否, yes/no, 1/0 are accepted)": "true 或 false（也接受 是/否、yes/no、1/0）",
    "a prefecture-level city: 苏州, 苏州市 or unambiguous pinyin": "地级市：苏州、苏州市或不致混淆的拼音",
    "a district of the city (checked for the cities pointscalc knows)": "所在城市的区县（pointscalc 已知的城市会核对）",
    "the last month covered, inclusive": "所覆盖的最后一个月（含）",
    "resident ID number (18 characters, GB 11643); personal data": "公民身份号码（18 位，GB 11643）；属个人信息",
    "personal data: never scored, never printed": "个人信息：不计分，不打印",
    "YYYY-MM-DD, or YYYY-MM when only the month is known; or YYYY年M月D日, YYYY年M月":
        "YYYY-MM-DD，或只知道月份时写 YYYY-MM；也可写 YYYY年M月D日、YYYY年M月",
    "pointscalc applicant": "pointscalc 申请人文件",
    "One applicant, as `pointscalc score`, `check` and `plan` read it (docs/input-format.md).":
        "一名申请人的文件，供 pointscalc 的评分、资格检查和规划命令读取（见 docs/input-format.md）。",
    #
    #
    # ---- cli, registry, run, record, outdir, reform, compare, groups, outcomes: commands ----
    #
    #
    #
    # ---- lint, fairness, plan, forecast, crosscheck: analysts' commands ----
    #
    #
    #
    # ---- distributed, bycounts, workers: Dask runs ----
    #
    #
    #
}

CLICK: dict[str, str] = {
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Aborted!": "已中止。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Commands": "命令",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Did you mean {possibility}?": "是否想用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否想用其中之一：{possibilities}？）",
    "Error: {message}": "错误：{message}",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing command.": "缺少命令。",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Options": "选项",
    "Show the version and exit.": "显示版本并退出。",
    "Show this message and exit.": "显示本帮助并退出。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，给了 {len} 个。",
    "Try '{command} {option}' for help.": "用 '{command} {option}' 查看帮助。",
    "Usage:": "用法：",
    "default: {default}": "默认：{default}",
    "directory": "目录",
    "env var: {var}": "环境变量：{var}",
    "file": "文件",
    "path": "路径",
    "unknown error": "未知错误",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是一个目录。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是一个文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是 {choices} 之一。",
}

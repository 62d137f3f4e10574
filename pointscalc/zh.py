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
    # scheme.py
    "each item to {places} decimal places ({mode}); total = sum of items":
        "每项保留 {places} 位小数（{mode}）；总积分 = 各项之和",
    "not known": "未知",
    "none": "无",
    "scheme {key!r} has no version in force on {day} (versions: {spans}); use --allow-stale to apply the nearest one anyway":
        "方案 {key!r} 在 {day} 没有有效版本（各版本有效期：{spans}）；如要套用最接近的版本，请加 --allow-stale",
    "scheme {key!r} has no round {round!r} (rounds: {known})": "方案 {key!r} 没有批次 {round!r}（已有批次：{known}）",
    "{day} is outside round {round}'s application window {window}; give --round alone, or a date inside the window":
        "{day} 不在 {round} 批次的申报期 {window} 内；请只给 --round，或给申报期内的日期",
    "give --as-of or --round": "请给出 --as-of 或 --round",
    "scheme {key!r} has no version {label!r} (versions: {versions})": "方案 {key!r} 没有版本 {label!r}（已有版本：{versions}）",
    # rules.py
    "highest diploma": "最高学历",
    "anywhere": "不限城市",
    "in {cities}": "限{cities}",
    "districts {districts}": "限{districts}",
    "since {day}": "自 {day} 起",
    "continuous (gaps ≤ {n} months)": "连续（中断不超过 {n} 个月）",
    "continuous": "连续",
    "{rate} per month": "每月 {rate} 分",
    "{rate} per year, accrued monthly": "每年 {rate} 分，按月累计",
    "{rate} per full year (每满1年)": "每满1年 {rate} 分",
    ", cap {cap}": "，封顶 {cap} 分",
    ", months ≤ insured months": "，月数不超过参保月数",
    "each part rounded {mode}": "各部分分别按 {mode} 取舍",
    "parts": "各部分",
    "; {value} part {mode}": "；{value}部分按 {mode} 取舍",
    ", {each}{own}, then added": "，{each}{own}，再相加",
    "{rate}{cap}{limit}{parts}; counts {measure}": "{rate}{cap}{limit}{parts}；计入 {measure}",
    "{label} {points}": "{label}（{points} 分）",
    "year": "年",
    "{rows} (highest only)": "{rows}（以最高为准）",
    "{span}: {points}": "{span}周岁：{points} 分",
    "{points} if met": "符合条件得 {points} 分",
    ", bounded by {cap}": "，以 {cap} 分为限",
    "{points} per {unit}{cap}": "每{unit} {points} 分{cap}",
    "{points} per record{cap}": "每条记录 {points} 分{cap}",
    "best of: {options}": "取最高一项：{options}",
    "minus the points of {items} earned during {inside}": "扣除 {inside} 期间所得的 {items} 积分",
    "{points} per month of {inside} inside {within}": "{within} 中每月 {inside} 计 {points} 分",
    ", at most {cap}": "，合计最多 {cap} 分",
    "sum of: {options}": "累加：{options}",
    "{label} ({rule})": "{label}（{rule}）",
    "{label}: {rate} per full year": "{label}：每满1年 {rate} 分",
    ", max {cap}": "，最多 {cap} 分",
    "; at most {cap}": "；合计最多 {cap} 分",
    # report.py: show, schemes, recognition
    "scheme": "方案",
    "city": "城市",
    "name": "名称",
    "version": "版本",
    "valid": "有效期",
    "sources": "依据文件",
    "{title}:": "{title}：",
    "condition": "条件",
    "clause": "条款",
    "provenance": "来源可信度",
    "{name} ({key}) · version {version} · valid {validity}": "{name}（{key}） · 版本 {version} · 有效期 {validity}",
    "Conditions": "申请条件",
    "Not known: {what}": "未知：{what}",
    "; in force until {day}": "；有效至 {day}（不含）",
    "; states no end date: stays in force when the version ends": "；未规定截止日期：本版本结束后继续有效",
    "Channel: {label} ({citation}{lasts})": "落户渠道：{label}（{citation}{lasts}）",
    "item": "指标",
    "rule": "计分规则",
    "* part of the base score (基础分)": "* 计入基础分",
    "Rounding: {how} [{provenance}]": "取舍规则：{how}［{provenance}］",
    "{key} desc": "{key} 降序",
    "{key} asc": "{key} 升序",
    "Ranking: {keys}; ties at the cutoff: {ties} ({citation})": "排序：{keys}；分数线上同分者：{ties}（{citation}）",
    "admit_all": "全部录取",
    "strict": "严格按名额录取",
    "Threshold: {label}: {points} [{provenance}] ({citation})": "分数线：{label}：{points}［{provenance}］（{citation}）",
    "Parameters": "参数",
    "not set": "未设定",
    "value": "数值",
    "note": "说明",
    "Extra facts read": "读取的其他信息",
    "periods of kind {kind}": "{kind} 类时段",
    ", required": "，必填",
    "  {name} ({where}{required}): {description}": "  {name}（{where}{required}）：{description}",
    "; checked instead: {property}": "；改为检查：{property}",
    "Fairness waiver: {property}: {reason} ({citation}){instead}": "公平性豁免：{property}：{reason}（{citation}）{instead}",
    "Note: {note}": "说明：{note}",
    "round": "批次",
    "rules": "规则版本",
    "data counted to": "数据计算至",
    "application window": "申报期",
    "quota": "名额",
    "cutoff": "落户分值",
    "published result": "公布结果",
    "Rounds": "申报批次",
    "What-if: {reform}, applied to version {version}": "假设：{reform}，适用于 {version} 版",
    "» changed by the reform:": "» 本次改动：",
    "Who may follow by points": "积分落户随迁人员",
    "Who may follow": "随迁人员",
    "{who}: not stated by the source": "{who}：政策未规定",
    "{who}: nobody": "{who}：无",
    "under 18": "未满18周岁",
    "unmarried": "未婚",
    "living together": "共同居住生活",
    " ({terms})": "（{terms}）",
    "{who}: {members}": "{who}：{members}",
    "in_force": "有效",
    "explored": "探索中，未实施",
    "yes": "是",
    "no": "否",
    "agreement": "互认协议",
    "partners": "互认城市",
    "period kinds": "时段类型",
    "status": "状态",
    "applies on {day}": "{day} 是否适用",
    "no recognition agreements": "无互认协议",
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
    "--quota {file}: no such file": "--quota {file}：文件不存在",
    "--quota: expected a whole number of places or the path of a quota file (.toml or .csv), and this is neither":
        "--quota：应为名额数（整数）或名额文件的路径（.toml 或 .csv），此值两者都不是",
    "expected a quota file ending in .toml or .csv": "应为以 .toml 或 .csv 结尾的名额文件",
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
    "{var}={value!r}: expected one of {langs}": "{var}={value!r}：应为 {langs} 之一",
    #
    # cli.py
    "expected a date YYYY-MM-DD, got {value!r}": "应为日期 YYYY-MM-DD，实为 {value!r}",
    "error: {message}": "错误：{message}",
    "invalid: {message}": "无效：{message}",
    "… and {n} more problems, not shown; fix these and run again": "……另有 {n} 个问题未显示；请改正以上问题后重新运行",
    "… and {n} more in errors.csv": "……另有 {n} 个，见 errors.csv",
    "… and {n} more problems, not shown": "……另有 {n} 个问题未显示",
    "{n} problem(s) in the input; --strict: nothing written": "输入中有 {n} 个问题；--strict：未写入任何文件",
    "stopped before the end; an output folder is never left half-written": "未运行完毕即停止；输出文件夹不会留下写了一半的内容",
    "interrupted: {left}": "已中断：{left}",
    "stopped by {signal}: {left}": "被 {signal} 停止：{left}",
    "pointscalc stopped on an unexpected {kind}; nothing was written. This is a defect of pointscalc: please"
    " report the command (without the data)":
        "pointscalc 因意外的 {kind} 而停止；未写入任何文件。这是 pointscalc 的缺陷：请报告所用的命令（不要附上数据）",
    "give --as-of DATE or --round ID": "请给出 --as-of DATE 或 --round ID",
    "What-if: {reform}": "假设情形：{reform}",
    "What-if: reform {file}": "假设情形：改革方案 {file}",
    "no shipped scheme declares round {round!r}": "没有内置方案声明批次 {round!r}",
    "--pool needs --as-of and --quota": "--pool 需要 --as-of 和 --quota",
    "--periods, --quota, --by and --outcomes-only go with --pool": "--periods、--quota、--by 和 --outcomes-only 须与 --pool 同用",
    "unknown property {unknown}; one of: {known}": "未知的性质 {unknown}；可选：{known}",
    "a group's admission rate below four fifths of the best-off group's is flagged":
        "某群体的入围率低于最高群体入围率的五分之四即予标记",
    "Outcomes on {pool} · version {version} · as of {as_of}: admission rate by group, against the best-off"
    " group's": "{pool} 的结果 · {version} 版 · 截至 {as_of}：各群体的入围率，与最高群体相比",
    "{n} group(s) below four fifths of the best-off group with nothing to explain it":
        "{n} 个群体低于最高群体的五分之四，且无可解释的原因",
    "--scheduler, --partitions and --parquet go with --engine dask": "--scheduler、--partitions 和 --parquet 须与 --engine dask 同用",
    "--out {out}: cannot be written: {reason}; the folder holds the previous run, if any":
        "--out {out}：无法写入：{reason}；该文件夹保留上一次运行的结果（如有）",
    "ties: {ties}; invalid rows: {invalid}; written to {out}": "同分处理：{ties}；无效行：{invalid}；已写入 {out}",
    "what-if: ranked under the reform {file}": "假设情形：按改革方案 {file} 排名",
    "planning target: {target}; admitted: {admitted} ({difference} against the target)":
        "计划目标：{target}；入围：{admitted}（与目标相差 {difference}）",
    "{file}: cannot be read: {reason}": "{file}：无法读取：{reason}",
    "scheme {scheme!r} version {version}: {unknown}; nothing to rank": "方案 {scheme!r} {version} 版：{unknown}；无可排名",
    "--children ranks a pre-scored table of children: add --scored": "--children 对已评分的子女表排名：请加上 --scored",
    "--periods, --family and --records go with a flat CSV or XLSX applicants table":
        "--periods、--family 和 --records 须与平面的 CSV 或 XLSX 申请人表同用",
    "only CSV tables and JSON Lines are read by the bulk engine": "批量引擎只读取 CSV 表和 JSON Lines",
    "{module} is not installed": "未安装 {module}",
    "--engine columns: {why}; use --engine auto or applicants": "--engine columns：{why}；请用 --engine auto 或 applicants",
    "{n} applicants read": "已读取 {n} 名申请人",
    "not a run record of format {format}": "不是格式 {format} 的运行记录",
    "{file}: cannot be read: {reason}; verify needs the folder a run wrote": "{file}：无法读取：{reason}；verify 需要一次运行写出的文件夹",
    "{file}: not a run record this version of pointscalc reads ({why})": "{file}：不是本版 pointscalc 能读取的运行记录（{why}）",
    "a field is missing or of the wrong kind": "缺少某个字段，或字段类型不对",
    "note: recorded by pointscalc {recorded}; this is {running}": "注意：由 pointscalc {recorded} 记录；当前为 {running}",
    "--input {file}: cannot be read: {reason}": "--input {file}：无法读取：{reason}",
    "{role} {file}: cannot be read; give it with --input": "{role} {file}：无法读取；请用 --input 给出",
    "{role} {file}: has changed since the run (its SHA-256 differs)": "{role} {file}：运行后已被改动（SHA-256 不同）",
    "--input {file}: matches no input recorded in {record}": "--input {file}：与 {record} 记录的任何输入都不符",
    "scheme {scheme}: its file has changed since the run (its SHA-256 differs)": "方案 {scheme}：其文件在运行后已被改动（SHA-256 不同）",
    "scheme {scheme}: {problem}": "方案 {scheme}：{problem}",
    "cannot re-run: nothing was compared": "无法重新运行：未作任何比较",
    "missing from OUT_DIR": "OUT_DIR 中缺失",
    "not written by the re-run": "重新运行未写出",
    "same": "相同",
    "differs": "不同",
    "{state}: {file}": "{state}：{file}",
    "{n} file(s) are not what the recorded run writes": "{n} 个文件与所记录的运行写出的不同",
    "verified: all {n} files are the same bytes": "已核验：全部 {n} 个文件逐字节相同",
    "plan needs SCHEME, PROFILE and --as-of (or --backtest SCHEME)": "plan 需要 SCHEME、PROFILE 和 --as-of（或 --backtest SCHEME）",
    "give the alternative: --against VERSION or --reform FILE (one of them)":
        "请给出对比方案：--against VERSION 或 --reform FILE（二者之一）",
    "{problem} (or pass --no-report)": "{problem}（或加上 --no-report）",
    "version {version}": "{version} 版",
    "{version} + reform: {reform}": "{version} 版 + 改革方案：{reform}",
    # run.py
    "version {version} declares no family rule for ranking children": "{version} 版未规定子女排名的家庭规则",
    "a pre-scored table needs a score column (积分)": "已评分的表需要积分列（积分）",
    "this scheme ranks by {column}: the column is required": "本方案按 {column} 排名：必须有该列",
    "a {table} table needs the applicant ID column (身份证号)": "{table} 表需要申请人身份证号列（身份证号）",
    "is required: the ID of the applicant this row belongs to": "必填：本行所属申请人的身份证号",
    "no applicant in the applicants table has this ID": "申请人表中没有此身份证号的申请人",
    "expected the name of a quota bucket, got {got}": "应为名额区域的名称，实为{got}",
    "is required in a ranking run (身份证号)": "排名运行中必填（身份证号）",
    "scheme {scheme!r} version {version} declares no ranking": "方案 {scheme!r} {version} 版未规定排名",
    "the same applicant ID appears on more than one row": "同一申请人身份证号出现在多行",
    # compare.py
    "admitted": "入围",
    "waitlisted": "候补",
    "ineligible": "不符合条件",
    "invalid": "无效",
    "before: {before}; after: {after}": "之前：{before}；之后：{after}",
    "admitted {before} → {after}; newly admitted {newly}, no longer admitted {no_longer}; status or rank changed"
    " for {changed}; written to {out}":
        "入围 {before} → {after}；新入围 {newly}，不再入围 {no_longer}；状态或名次变化 {changed} 人；已写入 {out}",
    # bulk.py
    "{rule}, which has no column-wise evaluation": "{rule}，它没有按列计算的形式",
    "a {rule} function with no column-wise form (columns=)": "没有按列形式（columns=）的 {rule} 函数",
    "rounding {mode}": "舍入方式 {mode}",
    "no ranking": "无排名",
    "rank key {key} uses {rule}, which has no column-wise evaluation": "排名键 {key} 使用 {rule}，它没有按列计算的形式",
    "condition {key} uses {why}": "条件 {key} 使用 {why}",
    "item {key} uses {why}": "积分项目 {key} 使用 {why}",
    "item {key} deducts from an item that is not an Accrual": "积分项目 {key} 从非 Accrual 的项目中扣分",
    # registry.py
    "{origin} defines no SCHEME (a pointscalc.scheme.Scheme)": "{origin} 未定义 SCHEME（一个 pointscalc.scheme.Scheme）",
    "{origin} is not a usable scheme: {problems}": "{origin} 不是可用的方案：{problems}",
    "; ": "；",
    "city: write {city!r} as {canonical!r}, the name periods are read with": "city：请把 {city!r} 写作 {canonical!r}，即读取各时段所用的名称",
    "city: {problem}": "city：{problem}",
    "it has no versions": "它没有任何版本",
    "{where}: ends {ends} is not after effective {effective}": "{where}：终止日 {ends} 不晚于生效日 {effective}",
    "{where}: document {document!r} is not in SCHEME.documents": "{where}：文件 {document!r} 不在 SCHEME.documents 中",
    "{where}: item key {key!r} is used twice": "{where}：积分项目键 {key!r} 用了两次",
    "{where}: {key} refers to no item {ref!r}": "{where}：{key} 引用的项目 {ref!r} 不存在",
    "{where}: base item {key!r} does not exist": "{where}：基础分项目 {key!r} 不存在",
    "versions {a} and {b} overlap: {a_valid} and {b_valid}": "{a} 版与 {b} 版的有效期重叠：{a_valid} 与 {b_valid}",
    "round {round!r} is declared twice": "批次 {round!r} 声明了两次",
    "round {round}: no version {version!r}": "批次 {round}：没有版本 {version!r}",
    "round {round}: document {document!r} is not in SCHEME.documents": "批次 {round}：文件 {document!r} 不在 SCHEME.documents 中",
    "round {round}: window {window} is empty": "批次 {round}：申报期 {window} 为空",
    "round {round}: its published scores {file!r} are not in schemes/data": "批次 {round}：其公布的积分 {file!r} 不在 schemes/data 中",
    "rounds {a} and {b}: application windows overlap": "批次 {a} 与 {b}：申报期重叠",
    "no scheme named {name!r}{hint}; shipped schemes: {shipped}, also by city (北京, Beijing); or give the path of"
    " a scheme file": "没有名为 {name!r} 的方案{hint}；内置方案：{shipped}，也可用城市名（北京、北京市或拼音 beijing）；或给出方案文件的路径",
    "scheme file {file!r} does not exist": "方案文件 {file!r} 不存在",
    "{file} cannot be loaded as a Python module": "{file} 无法作为 Python 模块载入",
    "{file}, line {line}: {problem}": "{file}，第 {line} 行：{problem}",
    "{file} failed to load: it calls sys.exit": "{file} 载入失败：它调用了 sys.exit",
    "{file} failed to load: {kind}: {problem}": "{file} 载入失败：{kind}：{problem}",
    "fact {fact!r} means different things in two schemes ({scheme} and another): give one of them another name":
        "事实 {fact!r} 在两个方案（{scheme} 和另一个）中含义不同：请给其中一个换个名称",
    # places.py
    "{n} row(s) have no ID number: compare matches applicants by ID, so every row needs one":
        "{n} 行没有身份证号：compare 按身份证号匹配申请人，每一行都需要",
    # groups.py
    "not given": "未提供",
    "no home on record": "无住所记录",
    "under 25": "25 岁以下",
    "45 and over": "45 岁及以上",
    "under 1 year": "不满 1 年",
    "1–4 years": "1–4 年",
    "5–9 years": "5–9 年",
    "10 years and over": "10 年及以上",
    "age band": "年龄段",
    "sex": "性别",
    "province": "户籍省份",
    "tenure": "住房性质",
    "years insured": "参保年限",
    "--by {columns}: ID numbers and names are personal data, not groups": "--by {columns}：身份证号和姓名是个人信息，不是分组",
    "--by {columns}: the pool has no such column (columns: {have})": "--by {columns}：申请人名单中没有此列（现有列：{have}）",
    # outcomes.py
    "ok": "正常",
    "FLAG": "标记",
    "explained": "有解释",
    "too small": "人数过少",
    "scored by design: {items}": "按规定计分：{items}",
    "waiver {property}: {reason} ({clause})": "豁免 {property}：{reason}（{clause}）",
    "the quota is set per bucket: rates differ with places per applicant": "名额按区域设定：入围率随人均名额而不同",
    "fewer than {n} applicants": "申请人少于 {n} 名",
    "by eligibility: {failed} of {total} fail a condition, most often {condition}; among the eligible the rate is"
    " not below four fifths": "因资格条件：{total} 人中有 {failed} 人不符合某项条件，最常见的是{condition}；"
    "在符合条件者中，入围率不低于五分之四",
    "below four fifths of the best-off group, and no waiver or item explains it": "低于最高群体的五分之四，且没有豁免或积分项目可以解释",
    "none recorded": "无记录",
    # reform.py
    "… {n} more problems": "……另有 {n} 个问题",
    "version: the reform is written for version {wanted}, not {given}": "version：改革方案针对 {wanted} 版，而不是 {given} 版",
    "remove_items: no item {key!r}{hint}": "remove_items：没有积分项目 {key!r}{hint}",
    "present": "存在",
    "removed": "已删除",
    "remove_items: item {key!r} uses {name!r}; remove or change it too": "remove_items：积分项目 {key!r} 用到 {name!r}；请一并删除或修改",
    "quota: the run's quotas are per bucket; change them under [quotas]": "quota：本次运行的名额按区域设定；请在 [quotas] 下修改",
    "quotas.{bucket}: the run's --quota names no such bucket{hint}": "quotas.{bucket}：本次运行的 --quota 中没有此区域{hint}",
    "is not valid TOML: {problem}": "不是有效的 TOML：{problem}",
    "{key}: required, a string (the {key} the reform changes)": "{key}：必填，一个字符串（改革方案所改的 {key}）",
    "scheme: the reform is for {wanted!r}, not {given!r}": "scheme：改革方案针对 {wanted!r}，而不是 {given!r}",
    "version: {scheme} has no version {version!r} (versions: {versions})": "version：{scheme} 没有版本 {version!r}（现有版本：{versions}）",
    "title: expected a string": "title：应为字符串",
    "title_zh: expected a string": "title_zh：应为字符串",
    "remove_items: expected a list of item keys": "remove_items：应为积分项目键的列表",
    "quota: expected a whole number of places, got {got!r}": "quota：应为名额的整数，实为 {got!r}",
    "quotas: expected a table of bucket = places": "quotas：应为「区域 = 名额」的表",
    "quotas.{bucket}: expected a whole number of places or \"open\", got {got!r}":
        "quotas.{bucket}：应为名额的整数或 \"open\"，实为 {got!r}",
    "; did you mean {names}?": "；是否想用 {names}？",
    ", … ({n} more)": "，……（另有 {n} 个）",
    " (valid: {names}{more})": "（可用：{names}{more}）",
    "{path}: expected a number, got {got!r}": "{path}：应为数字，实为 {got!r}",
    "{path}: expected a finite number, got {got!r}": "{path}：应为有限的数字，实为 {got!r}",
    "{path}: cannot be set by a reform (it has no value to change)": "{path}：不能由改革方案设定（它没有可改的值）",
    "{path}: expected true or false, got {got!r}": "{path}：应为 true 或 false，实为 {got!r}",
    "{path}: expected one of {choices}, got {got!r}": "{path}：应为 {choices} 之一，实为 {got!r}",
    "{path}: expected a whole number, got {got!r}": "{path}：应为整数，实为 {got!r}",
    "{path}: expected a string, got {got!r}": "{path}：应为字符串，实为 {got!r}",
    "{path}: a {kind} cannot be changed by a reform": "{path}：{kind} 不能由改革方案修改",
    "{path}: expected a table of fields to change, got {got!r}": "{path}：应为要修改的字段组成的表，实为 {got!r}",
    "{path}: cannot be changed by a reform": "{path}：不能由改革方案修改",
    "{path}: {kind} has no field {key!r}{hint}": "{path}：{kind} 没有字段 {key!r}{hint}",
    "{path}: the changed values do not fit together: {problem}": "{path}：修改后的值互相矛盾：{problem}",
    "{path}: expected a table of {keys}": "{path}：应为由 {keys} 组成的表",
    "{path}: no such entry{hint}": "{path}：没有此项{hint}",
    "{path}: no entry {key!r}{hint}": "{path}：没有 {key!r} 这一项{hint}",
    "{path}: an entry is named twice": "{path}：有一项出现了两次",
    "{n} entries": "{n} 项",
    "{path}: expected a table by name, a list of names, or a list of tables": "{path}：应为按名称的表、名称列表或表的列表",
    # outdir.py
    "expected the path of a folder, got an empty one": "应为文件夹的路径，实为空值",
    "a link to something that does not exist": "指向不存在之物的链接",
    "exists and is not a folder": "已存在且不是文件夹",
    "{path} is a file, not a folder": "{path} 是文件，不是文件夹",
    "cannot write in {path}: {reason}": "无法在 {path} 中写入：{reason}",
    "holds {n} file(s) no run writes (such as {example!r}); give a new or empty folder, or one a previous run"
    " wrote": "其中有 {n} 个并非运行写出的文件（如 {example!r}）；请给出新的或空的文件夹，或上一次运行写出的文件夹",
    "cannot write in it": "无法在其中写入",
    # record.py
    "options unknown to this version of pointscalc: {options}": "本版 pointscalc 不认识的选项：{options}",
    # engines.py
    "engine: {why}; scoring applicant by applicant (--engine applicants), about {cost} µs per applicant on one"
    " core": "引擎：{why}；逐个申请人计分（--engine applicants），单核每名申请人约 {cost} µs",
    "engine: {why}; scoring applicant by applicant (--engine applicants): {duration} for {n} applicants with"
    " --jobs {jobs} (measured {cost} µs per applicant on one core)":
        "引擎：{why}；逐个申请人计分（--engine applicants）：{n} 名申请人、--jobs {jobs} 需{duration}"
        "（实测单核每名申请人 {cost} µs）",
    "under a second": "不到 1 秒",
    "about {n} s": "约 {n} 秒",
    "about {n} min": "约 {n} 分钟",
    "about {n} h": "约 {n} 小时",
    # charts.py
    "charts need matplotlib, which is not installed: {hint}": "图表需要 matplotlib，但未安装：{hint}",
    "tied at the cutoff: {n}": "分数线同分：{n}",
    "cutoff {cutoff}": "分数线 {cutoff}",
    "score distribution": "积分分布",
    "score": "积分",
    "applicants": "申请人数",
    "cutoff, {rules}: {cutoff}": "分数线，{rules}：{cutoff}",
    "scores of eligible applicants": "符合条件申请人的积分",
    "before": "之前",
    "after": "之后",
    # compare.py: report.html
    "{scheme}: {before} against {after}": "{scheme}：{before} 与 {after} 对比",
    "{scheme} ({scheme_zh}): what changes": "{scheme}（{scheme_zh}）：有何变化",
    "{scheme}: what changes": "{scheme}：有何变化",
    "The same pool of {n} applicants ({pool}), taken as of {as_of}, ranked twice: under {before} (before) and"
    " under {after} (after).": "同一批 {n} 名申请人（{pool}），截至 {as_of}，排名两次：按 {before}（之前）和按 {after}（之后）。",
    "Admitted before: {before}; after: {after}. Newly admitted: {newly}; no longer admitted: {no_longer}."
    " Applicants whose status changed: {status}; whose status or rank changed: {changed} (listed, with masked ID"
    " numbers, in changes.csv beside this page).":
        "之前入围：{before}；之后入围：{after}。新入围：{newly}；不再入围：{no_longer}。状态变化的申请人：{status}；"
        "状态或名次变化的申请人：{changed}（列于本页旁的 changes.csv，身份证号已遮蔽）。",
    "Places and cutoffs, by bucket": "各区域的名额与分数线",
    "A bucket is what the quota is set for (a target area, a school). The cutoff is the score of the last applicant"
    " admitted.": "区域是名额所对应的单位（落户区域、学校）。分数线是最后一名入围者的积分。",
    "Score distributions": "积分分布",
    "Each chart counts the eligible applicants of one bucket by score: grey before, blue after. A dashed line marks"
    " each cutoff: applicants above it were admitted under those rules (at it, the ties policy decides), unless the"
    " scheme ranks a priority group ahead of the score (Suzhou since 2020), whose members may be admitted below it.":
        "每张图按积分统计一个区域中符合条件的申请人：灰色为之前，蓝色为之后。虚线标出各自的分数线：线以上者在该规则下入围"
        "（恰在线上的，由同分处理规则决定）；但方案若将某优先群体排在积分之前（苏州 2020 年起），其成员可在线以下入围。",
    "score distribution of {bucket}, before and after": "{bucket} 之前与之后的积分分布",
    "Who moved": "谁的状态变了",
    "Each row counts the applicants who had the first status before and the second after.":
        "每一行统计之前为第一种状态、之后为第二种状态的申请人。",
    "Admission rate by group": "各群体的入围率",
    "For each group: its applicants, the share admitted before and after, the change in percentage points, and its"
    " rate as a ratio to the best-off group's. A ratio below 0.80 (four fifths) is marked {mark}.":
        "每个群体：申请人数、之前与之后的入围比例、以百分点计的变化，以及其入围率与最高群体入围率之比。"
        "比值低于 0.80（五分之四）的标为 {mark}。",
    "Not in this pool: {groups}.": "本批申请人中没有：{groups}。",
    "rate before": "之前入围率",
    "rate after": "之后入围率",
    "change": "变化",
    "ratio to best, before": "与最高之比（之前）",
    "ratio to best, after": "与最高之比（之后）",
    "This page names no applicant: it holds counts, rates and charts only.": "本页不列出任何申请人：只有人数、比率和图表。",
    #
    #
    # ---- lint, fairness, plan, forecast, crosscheck: analysts' commands ----
    #
    # lint
    "{scheme}: ok": "{scheme}：通过",
    "scores points ({keys}), which {citation} forbids": "计算积分（{keys}），而 {citation} 禁止积分落户",
    "ranks applicants, which {citation} forbids": "对申请人排序，而 {citation} 禁止",
    "asks for {n} months of insurance; {citation} allows at most {most}":
        "要求 {n} 个月社会保险；{citation} 最多允许 {most} 个月",
    "imposes a {what} condition, which {citation} forbids": "设置了{what}条件，而 {citation} 禁止",
    "cannot be read ({why}); {citation} limits what it may ask, so declare imposes=frozenset({{...}}) on the condition":
        "无法读取（{why}）；{citation} 限定了可设的条件，请为该条件给出 Condition.imposes（如 frozenset({{...}})）",
    "a Check function": "一个 Check(...) 函数",
    "it reads the scheme's own fact {name!r}": "它读取方案自定的事实 {name!r}",
    "condition {key}": "条件 {key}",
    "channel {channel}, condition {key}": "渠道 {channel}，条件 {key}",
    "has no citation (a document number and a clause)": "未引用条款（须有文号和条款）",
    "cites {document!r}, which is not in the scheme's documents": "引用了 {document!r}，但它不在方案的文件列表中",
    "provenance {value!r} is not one of official, secondary, weak, assumed":
        "来源可信度 {value!r} 不是 official、secondary、weak、assumed 之一",
    "reads attribute {name!r} of {kind} periods, which no input format provides and the version does not declare":
        "读取 {kind} 期间的属性 {name!r}，但没有输入格式提供它，版本也未声明",
    "reads attribute {name!r} of {kind} records, which no input format provides":
        "读取 {kind} 记录的属性 {name!r}，但没有输入格式提供它",
    "reads fact {name!r}, which the version does not declare": "读取事实 {name!r}，但版本未声明",
    "picks its score by fact {name!r}, which the version does not declare": "按事实 {name!r} 取分数线，但版本未声明",
    "rates by attribute {name!r} of {kind} periods, which no input format provides":
        "按 {kind} 期间的属性 {name!r} 计分，但没有输入格式提供它",
    "has no provenance": "未注明来源可信度",
    "gap between {a} {a_valid} and {b} {b_valid}: no rules from {ends} to {starts}":
        "{a} {a_valid} 与 {b} {b_valid} 之间有空档：{ends} 至 {starts} 无规则",
    "version {label}": "版本 {label}",
    "agreement {key}": "互认协议 {key}",
    "cites {document!r}, not a listed document": "引用了 {document!r}，它不在文件列表中",
    # fairness: the properties, their principles, and what breaks them
    "More insurance months never hurt": "社保月数多不会吃亏",
    "More weight on social-insurance years (苏府办〔2020〕313号 (四); 宁政办发〔2021〕5号 (四)): a further insurance period"
    " never lowers a score, costs eligibility or closes a channel.":
        "突出社会保险年限的权重（苏府办〔2020〕313号 (四)；宁政办发〔2021〕5号 (四)）：多一段社会保险期间，不会降低积分、"
        "失去申请资格或关闭落户渠道。",
    "More insurance months never hurt, for someone who never studied": "对从未在读的人，社保月数多不会吃亏",
    "As monotone_insurance, for applicants with no study period: in place of it where a scheme deducts a flat amount"
    " per study month (Beijing's lists).":
        "同 monotone_insurance，但只针对没有在读期间的申请人：方案按在读月数统一扣分时（北京公示名单）以此代替。",
    "More residence months never hurt": "居住月数多不会吃亏",
    "More weight on residence years (same clauses): a further residence or residence-permit period never lowers a"
    " score, costs eligibility or closes a channel.":
        "突出居住年限的权重（条款同上）：多一段居住或居住证期间，不会降低积分、失去申请资格或关闭落户渠道。",
    "Name and ID never matter": "姓名和身份证号不影响结果",
    "Equal treatment (安政办〔2018〕19号 二 同城同待遇): the name and ID number change nothing.":
        "平等对待（安政办〔2018〕19号 二 同城同待遇）：姓名和身份证号不改变任何结果。",
    "Hukou origin never matters": "户籍来源不影响结果",
    "The same conditions for local and non-local applicants (南通2020落户实施意见 (五)); old and new residents alike"
    " (安政办〔2018〕19号 二): origin, local or not, rural or urban, changes no condition, channel or point.":
        "本地与外地申请人条件相同（南通2020落户实施意见 (五)）；新老居民一视同仁（安政办〔2018〕19号 二）：户籍来源，"
        "无论本地外地、农业非农业，都不改变任何条件、渠道或分值。",
    "Hukou origin never moves a rank": "户籍来源不影响排名",
    "As origin_blind, for the values a ranking reads.": "同 origin_blind，针对排名所读取的数值。",
    "A recognised month counts as a home month": "互认的月份与本地月份同等计算",
    "Recognised years as good as local ones (苏府办〔2020〕313号 (六); 宁政办发〔2021〕5号 (六)): a past period in a"
    " partner city under an agreement in force counts exactly as the same period at home.":
        "互认年限与本地年限等效（苏府办〔2020〕313号 (六)；宁政办发〔2021〕5号 (六)）：在有效互认协议所涉城市的过往期间，"
        "与在本地的同一期间计算完全相同。",
    "Listing a period twice, or in two pieces, changes nothing": "同一期间重复填写或拆成两段，结果不变",
    "Months are a union: the same month is never counted twice, nor lost at a split.":
        "月份按并集计算：同一个月不会重复计算，拆分处也不会漏算。",
    "Items within their caps; lines sum to the total": "各指标不超上限，各项之和等于总积分",
    "Every item gives no more than its table allows, and the published total is the sum of the lines.":
        "每个指标给分不超过其分值表允许的范围，公布的总积分等于各项之和。",
    "Age never matters": "年龄不影响结果",
    "Equal treatment: being older or younger changes nothing, unless the policy scores age.":
        "平等对待：年龄大小不改变任何结果，除非政策对年龄计分。",
    "Being older never helps": "年龄越大不会越有利",
    "Where a policy scores age, points fall with age and never rise.": "政策对年龄计分时，分值随年龄下降，不会上升。",
    "Input order never matters": "输入顺序不影响结果",
    "A ranking is a function of the applicants, not of the order of the file.": "排名只取决于申请人本身，与文件中的顺序无关。",
    "The quota holds, apart from the declared ties policy": "录取不超名额（所声明的同分规则除外）",
    "No more are admitted than the quota, except those tied at the line where the scheme admits all tied.":
        "录取人数不超过名额；方案规定同分全部录取时，分数线上的同分者除外。",
    "No one rejected outranks anyone admitted": "未录取者的排名不高于任何录取者",
    "Admission follows the published order.": "按公布的排序录取。",
    "A larger quota never removes anyone": "增加名额不会使任何人落选",
    "Raising the quota only admits more.": "提高名额只会录取更多人。",
    "A newcomer below the line removes no one": "分数线以下的新申请人不会挤掉任何人",
    "Adding an applicant ranked below the cutoff never removes an admitted one.":
        "增加一名排在分数线以下的申请人，不会使已录取者落选。",
    "Versions switch exactly at their dates": "版本恰在生效日期切换",
    "Each version applies from its effective date, with no gap or overlap between versions.":
        "每个版本自生效日起适用，版本之间没有空档或重叠。",
    "the version ranks no one (no quota)": "该版本不排名（无名额）",
    "no recognition agreement is in force on {day}": "{day} 没有有效的互认协议",
    "the version scores no points": "该版本不计积分",
    "run {n}": "第 {n} 次排名",
    "a further insurance period lowered the score or closed a path": "多一段社会保险期间，反而降低了积分或关闭了落户途径",
    "a further residence period lowered the score or closed a path": "多一段居住期间，反而降低了积分或关闭了落户途径",
    "changing only the name and ID number changed the result": "只改变姓名和身份证号，结果就变了",
    "changing only the hukou origin changed the ranking order": "只改变户籍来源，排名顺序就变了",
    "changing only the hukou origin changed the result": "只改变户籍来源，结果就变了",
    "a period in recognised {city} counted differently from the same period at home":
        "在互认城市{city}的期间，与在本地的同一期间计算不同",
    "listing a period twice changed the result": "同一期间填写两次，结果就变了",
    "splitting a period in two changed the result": "把一段期间拆成两段，结果就变了",
    "item {key} gave {points}, outside [{low}, {high}]": "指标 {key} 给了 {points} 分，超出 [{low}, {high}]",
    "the lines do not sum to the total": "各项之和不等于总积分",
    "the base lines do not sum to the base score": "基础分各项之和不等于基础分",
    "being {years} years older changed the result": "年长 {years} 岁，结果就变了",
    "being {years} years older raised the score": "年长 {years} 岁，积分反而提高",
    "being {years} years older made the applicant eligible": "年长 {years} 岁，反而符合了申请条件",
    "the same applicants in another order got different results": "同样的申请人换个顺序，结果就不同",
    "{n} admitted against a quota of {quota}": "名额 {quota}，却录取了 {n} 人",
    "{n} admitted against a quota of {quota}, beyond those tied at the line": "名额 {quota}，却录取了 {n} 人，超出分数线上的同分者",
    "{key} was not admitted but ranks above an admitted applicant": "{key} 未被录取，排名却高于一名已录取者",
    "raising the quota from {quota} to {more} removed {lost}": "名额从 {quota} 提高到 {more}，反而去掉了 {lost}",
    "adding an applicant ranked below the cutoff removed {lost}": "增加一名排在分数线以下的申请人，反而去掉了 {lost}",
    "on {day}, {n} versions are in force ({which})": "{day} 有 {n} 个版本同时有效（{which}）",
    "version {label} does not switch on exactly at {day}": "版本 {label} 未恰在 {day} 生效",
    # audit (report.py)
    "Fairness audit: {scheme} ({key}) · version {version} · as of {day}":
        "公平性审计：{scheme}（{key}）· 版本 {version} · 截至 {day}",
    " (in place of {property})": "（代替 {property}）",
    "{passed} passed, {failed} failed, {waived} waived, {na} not applicable":
        "{passed} 项通过，{failed} 项未通过，{waived} 项豁免，{na} 项不适用",
    "{relation} born {birth} married={married} moves={moves} lives_with={lives_with}":
        "{relation}，生于 {birth}，married={married} moves={moves} lives_with={lives_with}",
    "run {n} (quota {quota})": "第 {n} 次排名（名额 {quota}）",
    # plan, forecast
    "{round} (projected)": "{round}（预测）",
    "linear trend over the last {n} published cutoffs; {level:.0%} interval from its residuals or its backtest errors,"
    " whichever is wider (Student's t, {df} df)":
        "最近 {n} 次公布分值的线性趋势；{level:.0%} 区间取其残差与回测误差中较宽者（t 分布，自由度 {df}）",
    "--chart needs matplotlib: pip install 'pointscalc[charts]'":
        "--chart 需要 matplotlib：pip install 'pointscalc[charts]'",
    "scheme {scheme!r} has {n} published cutoffs; a backtest needs at least 4":
        "方案 {scheme!r} 只有 {n} 次公布分值；回测至少需要 4 次",
    "mean absolute error: {mae:.2f}; model: linear trend over the last {n} rounds, its interval widened to its earlier"
    " errors; each forecast uses only the rounds before it":
        "平均绝对误差：{mae:.2f}；模型：最近 {n} 个批次的线性趋势，区间按其以往误差放宽；每次预测只用此前各批次的数据",
    #
    #
    # ---- distributed, bycounts, workers: Dask runs ----
    #
    "no .csv or .parquet file here": "这里没有 .csv 或 .parquet 文件",
    "expected CSV or Parquet files, all of one kind": "应为 CSV 或 Parquet 文件，且全部为同一种",
    "a pool in several files must be Parquet; a CSV pool is one file":
        "分为多个文件的申请人池须为 Parquet；CSV 申请人池只能是一个文件",
    "cannot be read as Parquet: {reason}": "无法按 Parquet 读取：{reason}",
    "cannot be read as Parquet: not a Parquet file, or a damaged one": "无法按 Parquet 读取：不是 Parquet 文件，或文件已损坏",
    "its files do not all have the same columns": "其各文件的列不完全相同",
    "--engine dask needs Dask: pip install 'pointscalc[dask]'": "--engine dask 需要 Dask：pip install 'pointscalc[dask]'",
    "--scheduler {address}: cannot reach the Dask scheduler ({kind})":
        "--scheduler {address}：无法连接 Dask 调度器（{kind}）",
    "{folder}: cannot write the outputs: {reason}": "{folder}：无法写入输出文件：{reason}",
    "the run failed on the cluster ({kind}); nothing was written": "集群上的运行失败（{kind}）；未写入任何文件",
    "scheme {scheme!r} version {version} declares no ranking: nothing to rank on a cluster":
        "方案 {scheme!r} 的 {version} 版未规定排名：集群上没有可排名的内容",
    "read {n} files": "已读取 {n} 个文件",
    "scored {n} partitions": "已计算 {n} 个分区的积分",
    "ranked into {n} output ranges": "已排名，分为 {n} 段输出",
    "--engine dask reads a CSV or Parquet table of applicants (with --periods), not {suffix}":
        "--engine dask 读取 CSV 或 Parquet 申请人表（及 --periods），不读取 {suffix}",
    "--engine dask needs {module}: pip install 'pointscalc[dask]'": "--engine dask 需要 {module}：pip install 'pointscalc[dask]'",
    "--scheduler and --partitions go with --engine dask": "--scheduler 和 --partitions 须与 --engine dask 同用",
    "a folder of Parquet files is read with --engine dask": "Parquet 文件的文件夹须用 --engine dask 读取",
    "{options} cannot be used with --engine dask": "{options} 不能与 --engine dask 同用",
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

CLICK["required"] = "必需"

HELP: dict[str, str] = {
    # Keyed by the English help as click shows it (inspect.cleandoc of the docstring).
    "Score applicants for points-based household registration (积分落户), every point\n"
    "explained and tied to the clause that grants it.\n\n"
    "A SCHEME is a shipped scheme's name (see `pointscalc schemes`) or the path of a\n"
    "scheme file (./my_city.py).":
        "积分落户计分：每一分都有说明，并对应授予它的条款。\n\n"
        "SCHEME 是随附方案的名称（见 `pointscalc schemes`），也可以是方案文件的路径\n"
        "（./my_city.py）。",
    "Show the version and exit.": "显示版本并退出。",
    "Show this message and exit.": "显示本帮助并退出。",
    "List shipped schemes, their versions, validity and sources.": "列出随附方案及其版本、有效期和来源。",
    "Language of labels, explanations and messages: en or zh (codes, clause numbers and file names stay as they "
    "are). Default: POINTSCALC_LANG, else en.":
        "标签、说明和提示信息的语言：en 或 zh（代码、条款编号和文件名保持原样）。默认：POINTSCALC_LANG，否则为 en。",
    "Print a scheme's points table with the clause and provenance of each line.\n\n"
    "With --reform, the reformed version, its changed items marked and every change listed.":
        "打印方案的积分表，每行附条款和来源可信度。\n\n使用 --reform 时，打印改革后的版本，标出改动的项目并列出每项改动。",
    "Show only the version in force on this date.": "只显示该日期有效的版本。",
    "Apply the nearest version even when --as-of is outside every version's validity.":
        "即使 --as-of 不在任何版本的有效期内，也采用最接近的版本。",
    "A reform file (TOML) that changes the scheme's version: a what-if (docs/compare.md).":
        "改变方案版本的改革文件（TOML）：一种假设推演（docs/compare.md）。",
    "Score one applicant (a TOML or JSON file, see docs/input-format.md).\n\n"
    "A profile describes a person, so a fact that another version of the scheme, or another\n"
    "shipped scheme, reads is accepted, and ignored with a note when the version applied does\n"
    "not read it.":
        "为一名申请人计分（TOML 或 JSON 文件，见 docs/input-format.md）。\n\n"
        "申请人档案描述的是一个人，所以方案的其他版本或其他随附方案读取的事实也会被接受；\n"
        "所用版本不读取时，予以忽略并附说明。",
    "The date rules and months are taken at (YYYY-MM-DD); with --round, a day inside its window. Never defaults to "
    "today.":
        "规则和月数的计算日期（YYYY-MM-DD）；与 --round 同用时，为该批次申报期内的一天。从不默认为今天。",
    "Assess for one of the scheme's rounds (see `pointscalc show`): its rules version, with months, full years and "
    "age counted to its data day. An --as-of inside a round's application window means that round.":
        "按方案的某一批次评估（见 `pointscalc show`）：采用该轮的规则版本，月数、满年数和年龄计算到其数据截止日。"
        "落在某批次申报期内的 --as-of 即指该批次。",
    "Also apply recognition agreements only announced as explored (a what-if).":
        "同时采用仅宣布为探索中的互认协议（假设推演）。",
    "Check one profile against every shipped scheme: where, by which path, and who in the\n"
    "family may follow (see docs/check.md).":
        "用一份档案对照所有随附方案：能在哪里落户、通过哪条途径、家庭中谁可以随迁（见 docs/check.md）。",
    "The date rules and months are taken at (YYYY-MM-DD). Never defaults to today.":
        "规则和月数的计算日期（YYYY-MM-DD）。从不默认为今天。",
    "Assess each scheme that declares round ID for that round (its rules, its data day); the others at --as-of.":
        "声明了批次 ID 的方案按该轮评估（其规则、其数据截止日）；其他方案按 --as-of 评估。",
    "Also give, for each city, the earliest day or round to settle and the best step (see `plan`).":
        "同时给出每个城市最早可落户的日期或批次，以及最有帮助的措施（见 `plan`）。",
    "Check schemes against the higher-level policy that binds their city and against the\n"
    "house rules: citations, provenance, versions, facts.  Exits 1 on any finding.\n\n"
    "With no SCHEME, every shipped scheme is checked.":
        "对照约束该城市的上位政策和本项目的规范检查方案：引用、来源可信度、版本、事实。"
        "发现任何问题时退出码为 1。\n\n不给 SCHEME 时，检查所有随附方案。",
    "Put a scheme through the fairness properties (docs/fairness.md); exit 1 on any failure.\n\n"
    "Each failure prints the smallest counterexample Hypothesis found: two applicants, or two\n"
    "ranking runs, side by side.  With --pool, the admission rate of each group of a real pool\n"
    "(age band, sex, education, province, tenure, years insured, --by) is compared with the\n"
    "best-off group's: below four fifths, unexplained by an item or a waiver, is a failure.":
        "用公平性性质检验方案（docs/fairness.md）；任何一项不通过时退出码为 1。\n\n"
        "每项不通过都打印 Hypothesis 找到的最小反例：两名申请人或两次排名，并排显示。"
        "使用 --pool 时，将真实申请人池中每个群体（年龄段、性别、学历、省份、住房性质、参保年数、--by）"
        "的录取率与录取率最高的群体相比：低于五分之四且无法由某个积分项目或豁免解释的，即为不通过。",
    "The date to audit at; default: each version's effective date, every version in turn.":
        "审查所依据的日期；默认：依次取每个版本的生效日期。",
    "Examples Hypothesis tries per property.": "Hypothesis 对每项性质尝试的样例数。",
    "Seed for a different search; without it the run is reproducible.": "换一次搜索的随机种子；不给时结果可复现。",
    "Run only these properties (repeatable).": "只检验这些性质（可重复给出）。",
    "Also check outcomes on a real pool (as for rank): admission rates by group (needs --as-of, --quota).":
        "同时检查真实申请人池的结果（与 rank 相同）：各群体的录取率（需要 --as-of、--quota）。",
    "With --pool: its periods table.": "与 --pool 同用：其期间表。",
    "With --pool: places, as for rank.": "与 --pool 同用：名额，与 rank 相同。",
    "With --pool: also judge rates by this column.": "与 --pool 同用：同时按此列判断录取率。",
    "With --pool: smaller groups are listed but not judged.": "与 --pool 同用：更小的群体只列出，不作判断。",
    "With --pool: skip the properties, check the outcomes only.": "与 --pool 同用：跳过性质检验，只检查结果。",
    "List the agreements under which cities credit each other's months.": "列出城市之间互认年限的协议。",
    "Mark which agreements are in force on this date.": "标出该日期有效的协议。",
    "Rank a whole city's applicants against quotas and write results.csv, public.csv\n"
    "(the 公示 list, masked), summary.csv, errors.csv and run.json (the run record) to\n"
    "--out, all or nothing.\n\n"
    "INPUT is JSON Lines of applicants to score, a flat CSV or XLSX table of applicants\n"
    "(with --periods), or, with --scored, a table that already has scores.  CSV may be\n"
    "UTF-8, UTF-8 with BOM or GB18030.  With --engine dask, INPUT and --periods may also be\n"
    "Parquet: one file, a folder or a glob.  See docs/input-format.md and docs/scaling.md.":
        "按名额为全市申请人排名，将 results.csv、public.csv（公示名单，已脱敏）、summary.csv、errors.csv "
        "和 run.json（运行记录）写入 --out，要么全部写出，要么一个不写。\n\n"
        "INPUT 是待计分申请人的 JSON Lines 文件、申请人平面表 CSV 或 XLSX（配合 --periods），"
        "或者与 --scored 同用时已有分数的表。CSV 可以是 UTF-8、带 BOM 的 UTF-8 或 GB18030。"
        "使用 --engine dask 时，INPUT 和 --periods 也可以是 Parquet：一个文件、一个文件夹或一个通配模式。"
        "见 docs/input-format.md 和 docs/scaling.md。",
    "N: N places in total, for a run with one bucket. QUOTA_FILE: a TOML or CSV file (bucket,quota) with every "
    "bucket that has eligible applicants, each a number of places or 'open'; needed for a scheme with buckets "
    "(Suzhou 2020's target areas) and for an input with a bucket column. See docs/running-a-round.md.":
        "N：共 N 个名额，用于只有一个分组的排名。QUOTA_FILE：TOML 或 CSV 文件（bucket,quota），"
        "列出每个有合格申请人的分组，各为名额数或 'open'；方案有分组（苏州 2020 年的落户区域）"
        "或输入有 bucket 列时必须使用。见 docs/running-a-round.md。",
    "Folder for the results: replaced whole by this run's files (see docs/running-a-round.md).":
        "结果文件夹：整体替换为本次运行的文件（见 docs/running-a-round.md）。",
    "INPUT already has a score column (and tie-break columns): rank it as given.":
        "INPUT 已有分数列（及同分排序列）：按给出的分数排名。",
    "A table of periods keyed by applicant ID, for a flat applicants table (with --engine dask, also a folder or "
    "glob of Parquet files).":
        "按申请人 ID 关联的期间表，配合申请人平面表使用（使用 --engine dask 时，也可以是 Parquet 文件的文件夹或通配模式）。",
    "A table of family members keyed by applicant ID, for a flat applicants table.":
        "按申请人 ID 关联的家庭成员表，配合申请人平面表使用。",
    "A table of records (honours, tax years, awards, violations) keyed by applicant ID.":
        "按申请人 ID 关联的记录表（荣誉、纳税年度、奖项、违法记录）。",
    "Also write each output as an XLSX workbook to print and post: Chinese headers (公示: 序号, 姓名, 身份证号, "
    "积分, 区域), points as numbers. public.csv has the same Chinese header; the other CSVs keep code headers.":
        "同时把每个输出写成可打印张贴的 XLSX 工作簿：中文表头（公示：序号、姓名、身份证号、积分、区域），积分为数值。"
        "public.csv 的表头同样是中文；其他 CSV 保留代码表头。",
    "A planning target to compare the admitted count with (open cities).": "与录取人数比较的规划目标（开放落户城市）。",
    "With --scored: rank children for school places by their parents' points (score, other_score), the scheme's "
    "family rule; the bucket is the school.":
        "与 --scored 同用：按父母积分（score、other_score）为子女入学学位排名，依方案的家庭规则；分组即学校。",
    "Abort on any bad row, writing nothing.": "遇到任何错误行即中止，不写出任何文件。",
    "Override the scheme's ties policy (a what-if).": "改用另一种同分处理规则（假设推演）。",
    "Processes that score applicants (one per core); the outputs are the same bytes.":
        "为申请人计分的进程数（每核一个）；输出字节完全相同。",
    "columns: score a CSV table column by column (fast); applicants: one by one, the reference; auto: columns where "
    "the scheme and file allow it; dask: a pool in partitions on a Dask cluster (docs/scaling.md). The outputs are "
    "the same bytes.":
        "columns：按列为 CSV 表计分（快）；applicants：逐人计分，作为参照；auto：方案和文件允许时用 columns；"
        "dask：在 Dask 集群上分区处理申请人池（docs/scaling.md）。输出字节完全相同。",
    "With --engine dask: the Dask scheduler (tcp://host:8786); default: a local cluster of this machine's cores.":
        "与 --engine dask 同用：Dask 调度器地址（tcp://host:8786）；默认：用本机各核组成的本地集群。",
    "With --engine dask: partitions the pool is hashed into (default: 4 per worker).":
        "与 --engine dask 同用：申请人池按哈希划分的分区数（默认：每个工作进程 4 个）。",
    "With --engine dask: also write results.parquet and public.parquet (the same cells, as text).":
        "与 --engine dask 同用：同时写出 results.parquet 和 public.parquet（相同单元格，以文本保存）。",
    "Also draw each bucket's score distribution, cutoff and tie band (needs pointscalc[charts]).":
        "同时绘制每个分组的分数分布、分数线和同分区间（需要 pointscalc[charts]）。",
    "Re-run the ranking recorded in OUT_DIR/run.json and check that every output is the\n"
    "same bytes.  Exit 0 when all are, 1 naming each file that differs (see\n"
    "docs/running-a-round.md).":
        "重新运行 OUT_DIR/run.json 记录的排名，检查每个输出的字节是否相同。"
        "全部相同时退出码为 0，否则为 1 并列出每个不同的文件（见 docs/running-a-round.md）。",
    "An input file given again, where it is no longer at its recorded path (repeatable); it is matched to its role "
    "by its SHA-256.":
        "重新给出不在原记录路径上的输入文件（可重复给出）；按其 SHA-256 对应到原来的用途。",
    "In which round PROFILE can expect to settle under SCHEME, and which steps bring it closer\n"
    "(see docs/plan.md).  Forecasts are projections, with their model and history stated.":
        "PROFILE 按 SCHEME 有望在哪一批次落户，以及哪些措施能让它更早（见 docs/plan.md）。"
        "预测只是推算，并说明所用模型和历史数据。",
    "Today, for the plan (YYYY-MM-DD). Never defaults to today.": "规划的当天日期（YYYY-MM-DD）。从不默认为今天。",
    "Years ahead to look; never past the statutory retirement age.": "向前规划的年数；不超过法定退休年龄。",
    "Draw the projected score against the line to this PNG or SVG file (needs the charts extra).":
        "把预计分数与分数线的对比图画到这个 PNG 或 SVG 文件（需要 charts 附加包）。",
    "Instead of a plan: how the cutoff forecast would have done on each published round.":
        "不做规划，而是回测：分数线预测在每个已公布批次上的表现。",
    "Print a JSON Schema of the applicant file (TOML or JSON), for editors and other systems.\n\n"
    "It allows every extra fact some shipped scheme reads; the reader still checks what a schema\n"
    "cannot (a check digit, a district of a city, a date that exists).":
        "打印申请人文件（TOML 或 JSON）的 JSON Schema，供编辑器和其他系统使用。\n\n"
        "它允许任一随附方案读取的每个额外事实；模式无法检查的内容（校验码、城市的区县、日期是否存在）仍由读取程序检查。",
    "Rank the same POOL under two rule sets, the version in force on --as-of (the baseline)\n"
    "and an alternative (--against VERSION or --reform FILE), and write who gains, who loses,\n"
    "and the admission rate by group: transitions.csv, buckets.csv, changes.csv (masked),\n"
    "groups.csv, compare.json and report.html (see docs/compare.md).":
        "用两套规则为同一个 POOL 排名：--as-of 当日有效的版本（基准）和另一方案（--against VERSION 或 "
        "--reform FILE），写出谁得益、谁受损以及各群体的录取率：transitions.csv、buckets.csv、"
        "changes.csv（已脱敏）、groups.csv、compare.json 和 report.html（见 docs/compare.md）。",
    "Places in a single bucket, or a TOML/CSV file of bucket and quota (as for rank).":
        "单一分组的名额数，或列出分组和名额的 TOML/CSV 文件（与 rank 相同）。",
    "The alternative: another version of the scheme.": "另一方案：本方案的另一个版本。",
    "Directory for the results.": "结果文件夹。",
    "A table of periods keyed by applicant ID, for a flat applicants table.": "按申请人 ID 关联的期间表，配合申请人平面表使用。",
    "POOL already has a score column: rank it as given.": "POOL 已有分数列：按给出的分数排名。",
    "Also report admission rates by this column of the pool (repeatable).": "同时按申请人池的这一列报告录取率（可重复给出）。",
    "Write the tables and JSON without report.html (no matplotlib needed).": "只写出表格和 JSON，不写 report.html（不需要 matplotlib）。",
    "Override the ties policy on both sides.": "两边都改用另一种同分处理规则。",
    "Processes that score applicants (one per core).": "为申请人计分的进程数（每核一个）。",
    "As for rank (dask: both sides ranked on a Dask cluster, POOL and --periods CSV or Parquet): the outputs are "
    "the same bytes.":
        "与 rank 相同（dask：两边都在 Dask 集群上排名，POOL 和 --periods 可为 CSV 或 Parquet）：输出字节完全相同。",
}

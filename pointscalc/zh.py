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
    #
    #
    # ---- cli, registry, run, record, outdir, reform, compare, groups, outcomes: commands ----
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
    "does not match the birth date in the ID number": "与身份证号中的出生日期不符",
    "a pre-scored table needs a score column (积分)": "已评分的表需要积分列（积分）",
    "this scheme ranks by {column}: the column is required": "本方案按 {column} 排名：必须有该列",
    "is required": "必填",
    "a {table} table needs the applicant ID column (身份证号)": "{table} 表需要申请人身份证号列（身份证号）",
    "is required: the ID of the applicant this row belongs to": "必填：本行所属申请人的身份证号",
    "no applicant in the applicants table has this ID": "申请人表中没有此身份证号的申请人",
    "is not UTF-8 text": "不是 UTF-8 文本",
    "expected a table of applicant fields": "应为申请人字段组成的表",
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
    " or ": " 或 ",
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
    " (did you mean {names}?)": "（是否想用 {names}？）",
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
    "this pinyin names several cities ({cities}): give the Chinese name": "此拼音对应多个城市（{cities}）：请给出中文名",
    "unknown city: expected a prefecture-level city by its Chinese name (苏州) or pinyin, got {got}":
        "未知的城市：应为地级市的中文名（苏州）或拼音，实为{got}",
    "unknown district of {city}: expected one of {known}, got {got}": "{city}的未知区县：应为 {known} 之一，实为{got}",
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
    "education": "学历",
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
    "cannot be read: {reason}": "无法读取：{reason}",
    "is not valid TOML: {problem}": "不是有效的 TOML：{problem}",
    "{key}: required, a string (the {key} the reform changes)": "{key}：必填，一个字符串（改革方案所改的 {key}）",
    "scheme: the reform is for {wanted!r}, not {given!r}": "scheme：改革方案针对 {wanted!r}，而不是 {given!r}",
    "version: {scheme} has no version {version!r} (versions: {versions})": "version：{scheme} 没有版本 {version!r}（现有版本：{versions}）",
    "title: expected a string": "title：应为字符串",
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

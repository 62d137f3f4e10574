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
    "picks its score by fact {name!r}, which the version does not declare": "按事实 {name!r} 取分值线，但版本未声明",
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
    # audit --pool (outcomes.py, cli.py)
    "scored by design: {items}": "按设计计分：{items}",
    "waiver {property}: {reason} ({citation})": "豁免 {property}：{reason}（{citation}）",
    "the quota is set per bucket: rates differ with places per applicant": "名额按分组设定：录取率随人均名额而不同",
    "fewer than {n} applicants": "申请人少于 {n} 人",
    "by eligibility: {n} of {total} fail a condition, most often {condition}; among the eligible the rate is not"
    " below four fifths":
        "因申请条件：{total} 人中有 {n} 人不满足某项条件，最常见的是{condition}；在符合条件者中，录取率不低于五分之四",
    "below four fifths of the best-off group, and no waiver or item explains it": "低于最高组的五分之四，且没有豁免或指标可以解释",
    "none recorded": "无记录",
    "a group's admission rate below four fifths of the best-off group's is flagged": "某组录取率低于最高组的五分之四即标记为存疑",
    "Outcomes on {file} · version {version} · as of {day}: admission rate by group, against the best-off group's":
        "{file} 的录取结果 · 版本 {version} · 截至 {day}：各组录取率，与最高组相比",
    "{n} group(s) below four fifths of the best-off group with nothing to explain it": "{n} 个组低于最高组的五分之四且无可解释",
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
        "平均绝对误差：{mae:.2f}；模型：最近 {n} 轮的线性趋势，区间按其以往误差放宽；每次预测只用此前各轮的数据",
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
    "List shipped schemes, their versions, validity and sources.": "列出随附方案及其版本、有效期和来源。",
    "Language of labels, explanations and messages: en (the default) or zh (codes, clause numbers and file names "
    "stay as they are).":
        "标签、说明和提示信息的语言：en（默认）或 zh（代码、条款编号和文件名保持原样）。",
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
        "规则和月数的计算日期（YYYY-MM-DD）；与 --round 同用时，为该轮申报期内的一天。从不默认为今天。",
    "Assess for one of the scheme's rounds (see `pointscalc show`): its rules version, with months, full years and "
    "age counted to its data day. An --as-of inside a round's application window means that round.":
        "按方案的某一轮次评估（见 `pointscalc show`）：采用该轮的规则版本，月数、满年数和年龄计算到其数据截止日。"
        "落在某轮申报期内的 --as-of 即指该轮。",
    "Also apply recognition agreements only announced as explored (a what-if).":
        "同时采用仅宣布为探索中的互认协议（假设推演）。",
    "Check one profile against every shipped scheme: where, by which path, and who in the\n"
    "family may follow (see docs/check.md).":
        "用一份档案对照所有随附方案：能在哪里落户、通过哪条途径、家庭中谁可以随迁（见 docs/check.md）。",
    "The date rules and months are taken at (YYYY-MM-DD). Never defaults to today.":
        "规则和月数的计算日期（YYYY-MM-DD）。从不默认为今天。",
    "Assess each scheme that declares round ID for that round (its rules, its data day); the others at --as-of.":
        "声明了轮次 ID 的方案按该轮评估（其规则、其数据截止日）；其他方案按 --as-of 评估。",
    "Also give, for each city, the earliest day or round to settle and the best step (see `plan`).":
        "同时给出每个城市最早可落户的日期或轮次，以及最有帮助的措施（见 `plan`）。",
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
    "积分, 区域), points as numbers. The CSVs keep English headers.":
        "同时把每个输出写成可打印张贴的 XLSX 工作簿：中文表头（公示：序号、姓名、身份证号、积分、区域），积分为数值。",
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
        "PROFILE 按 SCHEME 有望在哪一轮落户，以及哪些措施能让它更早（见 docs/plan.md）。"
        "预测只是推算，并说明所用模型和历史数据。",
    "Today, for the plan (YYYY-MM-DD). Never defaults to today.": "规划的当天日期（YYYY-MM-DD）。从不默认为今天。",
    "Years ahead to look; never past the statutory retirement age.": "向前规划的年数；不超过法定退休年龄。",
    "Draw the projected score against the line to this PNG or SVG file (needs the charts extra).":
        "把预计分数与分数线的对比图画到这个 PNG 或 SVG 文件（需要 charts 附加包）。",
    "Instead of a plan: how the cutoff forecast would have done on each published round.":
        "不做规划，而是回测：分数线预测在每个已公布轮次上的表现。",
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
    "As for rank: the outputs are the same bytes.": "与 rank 相同：输出字节完全相同。",
}

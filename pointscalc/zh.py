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

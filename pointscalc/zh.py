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

"""Shared data for the Jiangsu schemes: the province's cities and the Yangtze River Delta.

Not a scheme: ``pointscalc schemes`` does not list it.
"""

from __future__ import annotations

JIANGSU = (
    "南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港",
    "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁",
)  # fmt: skip
"""The 13 prefecture-level cities (FACTS.md)."""

YANGTZE_DELTA_OUTSIDE_JIANGSU = (
    "上海",
    "杭州", "宁波", "嘉兴", "湖州", "绍兴", "金华", "舟山", "台州",
    "合肥", "芜湖", "马鞍山", "铜陵", "安庆", "滁州", "池州", "宣城",
)  # fmt: skip
"""Cities of the Yangtze River Delta city cluster outside Jiangsu, as listed in the
长江三角洲城市群发展规划 (2016, 发改规划〔2016〕1176号): Shanghai, 8 in Zhejiang, 8 in Anhui.
Provenance: secondary (the plan is not in our sources)."""

"""A seeded generator of realistic applicants for `pointscalc rank`, for each points scheme
(suzhou, nanjing, beijing, with each city's own districts): JSON Lines, or flat CSV tables
(OUT.csv, OUT-periods.csv, OUT-family.csv, OUT-records.csv) with --csv.

The distributions are rough shapes of a migrant workforce, not statistics from a source:
ages 20–55 peaking near 30, mostly secondary or junior-college education, several years
of insurance with some gaps and some months in a partner or other city, a residence
permit, a rented or owned home, for some a family and a few records (honours, patents,
tax years, violations).  Usage:

    python benchmarks/synth.py N OUT.jsonl [--scheme suzhou|nanjing|beijing] [--seed S] [--mixed-origin]
    python benchmarks/synth.py N OUT.csv --csv [--scheme …] [--seed S] [--mixed-origin]

--mixed-origin draws each ID's province from a fixed list (by serial number, so every other
field is the same as without it), for comparisons by province of origin.
"""

from __future__ import annotations

import argparse
import csv
import json
import random

from pointscalc.idnumber import check_digit

CITIES = {
    "suzhou": dict(city="苏州", region=320000, others=["南京", "无锡", "上海", "常州"], areas={
        "市区": ["姑苏区", "吴中区", "相城区", "苏州工业园区", "苏州高新区", "吴江区"],
        "昆山": ["昆山市"], "常熟": ["常熟市"], "张家港": ["张家港市"], "太仓": ["太仓市"],
    }, weights=[60, 16, 9, 8, 7]),
    "nanjing": dict(city="南京", region=320100, others=["苏州", "无锡", "上海", "合肥"], areas={
        "主城": ["玄武区", "秦淮区", "建邺区", "鼓楼区", "栖霞区", "雨花台区", "江宁区"],
        "四区": ["浦口区", "六合区", "溧水区", "高淳区"],
    }, weights=[80, 20]),
    "beijing": dict(city="北京", region=110000, others=["天津", "石家庄", "上海"], areas={
        "城六区": ["东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区"],
        "其他": ["通州区", "昌平区", "大兴区", "顺义区", "房山区", "门头沟区"],
    }, weights=[55, 45]),
}
AREAS = CITIES["suzhou"]["areas"]
DIPLOMAS = ["none", "secondary", "junior_college", "bachelor", "master", "doctor"]
DIPLOMA_WEIGHTS = [8, 45, 27, 16, 3.5, 0.5]
DEGREES = {"bachelor": "bachelor", "master": "master", "doctor": "doctor"}
QUALIFICATIONS = ["none", "level5", "level4", "level3", "level2", "level1"]
QUALIFICATION_WEIGHTS = [60, 10, 12, 12, 5, 1]


def month(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def _records(rnd: random.Random, as_of_month: int) -> list[dict]:
    out: list[dict] = []
    year = as_of_month // 12
    if rnd.random() < 0.3:  # tax paid in each of the last years
        out += [{"kind": "tax", "date": f"{year - k}-03-31", "qualifying": "true"} for k in range(1, 4)]
    if rnd.random() < 0.02:
        out.append({"kind": "honour", "date": f"{year - 2}-05-01", "level": rnd.choice(["municipal", "provincial"]),
                    "title": rnd.choice(["labour_model", "other"])})
    if rnd.random() < 0.03:
        out.append({"kind": "innovation", "date": f"{year - 1}-09-01",
                    "category": rnd.choice(["patent_invention", "hitech_enterprise", "national_award"]),
                    "years": str(rnd.randint(1, 4))})
    if rnd.random() < 0.01:
        out.append({"kind": "violation", "date": f"{year - 1}-11-11", "type": rnd.choice(["detention", "tax"])})
    return out


PROVINCES = [32, 34, 41, 37, 51, 42, 43, 36, 13, 23]
"""Region codes of provinces migrants often come from (GB/T 2260), for --mixed-origin."""


def applicant(rnd: random.Random, serial: int, as_of_month: int, scheme: str = "suzhou",
              mixed: bool = False) -> dict:
    c = CITIES[scheme]
    if mixed:
        c = {**c, "region": PROVINCES[(serial * 7919) % len(PROVINCES)] * 10000}
    home = c["city"]
    age = max(20, min(55, int(rnd.gauss(32, 7))))
    year = as_of_month // 12 - age
    birth = f"{year:04d}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
    # Region and sequence digits from the serial keep IDs unique up to a million applicants.
    first17 = f"{c['region'] + (serial // 1000) % 1000:06d}{birth}{serial % 1000:03d}"
    area = rnd.choices(list(c["areas"]), c["weights"])[0]
    district = rnd.choice(c["areas"][area])
    insured = max(6, min(12 * (age - 18), int(rnd.expovariate(1 / (100 if scheme == "beijing" else 60)))))
    start = as_of_month - insured + 1
    periods = []
    if rnd.random() < 0.15:  # a break: insurance stopped for a few months
        gap = rnd.randint(1, 6)
        cut = start + insured // 2
        periods.append({"kind": "social_insurance", "scheme": "urban_employee", "city": home,
                        "start": month(start), "end": month(cut - 1)})
        periods.append({"kind": "social_insurance", "scheme": "urban_employee", "city": home,
                        "district": district, "start": month(cut + gap)})
    else:
        periods.append({"kind": "social_insurance", "scheme": "urban_employee", "city": home,
                        "district": district, "start": month(start)})
    if rnd.random() < 0.1:  # years in a partner or other city before coming
        city = rnd.choice(c["others"])
        n = rnd.randint(6, 48)
        periods.append({"kind": "social_insurance", "scheme": "urban_employee", "city": city,
                        "start": month(start - n), "end": month(start - 1)})
    if rnd.random() < 0.6:
        periods.append({"kind": "housing_fund", "city": home, "start": month(start + rnd.randint(0, 24))})
    periods.append({"kind": "residence_permit", "city": home, "district": district,
                    "start": month(start + rnd.randint(0, 6))})
    owned = rnd.random() < 0.35
    moved_in = start + rnd.randint(0, 12)
    if scheme == "beijing" and rnd.random() < 0.2:  # moved out of the six central districts
        central = rnd.choice(CITIES["beijing"]["areas"]["城六区"])
        periods.append({"kind": "residence", "tenure": "rented", "city": home, "district": central,
                        "start": month(moved_in - 24), "end": month(moved_in - 1)})
    periods.append({"kind": "residence", "tenure": "owned" if owned else "rented", "city": home,
                    "district": district, "area": rnd.choice([40, 60, 75, 90, 120]), "start": month(moved_in)})
    if scheme == "nanjing":
        periods.append({"kind": "employment", "city": home, "district": district, "start": month(start),
                        "hard_sector": "true" if rnd.random() < 0.1 else ""})
    diploma = rnd.choices(DIPLOMAS, DIPLOMA_WEIGHTS)[0]
    if diploma in DEGREES and rnd.random() < 0.5:  # the study for it, for Beijing's overlap deduction
        periods.append({"kind": "study", "city": rnd.choice([home, *c["others"]]), "diploma": diploma,
                        "start": month(start - 36), "end": month(start + 11)})
    family = []
    if age > 25 and rnd.random() < 0.6:
        family.append({"relation": "spouse", "moves": rnd.choice(["true", "true", "false"])})
        for _ in range(rnd.choice([0, 1, 1, 2])):
            family.append({"relation": "child", "birth": f"{as_of_month // 12 - rnd.randint(0, 15)}-06"})
    out = {
        "id": first17 + check_digit(first17),
        "name": "申请人" + str(serial),
        "birth": f"{birth[:4]}-{birth[4:6]}-{birth[6:]}",
        "education": {"diploma": diploma, "degree": DEGREES.get(diploma, "none")},
        "qualification": rnd.choices(QUALIFICATIONS, QUALIFICATION_WEIGHTS)[0],
        "family": family,
        "records": _records(rnd, as_of_month),
        "periods": [{k: v for k, v in p.items() if v != ""} for p in periods],
        "extra": {"target_area": area} if scheme == "suzhou" else {},
    }
    return out


APP_COLUMNS = ["id", "name", "birth", "diploma", "degree", "qualification", "target_area"]
PERIOD_COLUMNS = ["id", "kind", "city", "district", "start", "end", "scheme", "tenure", "area", "diploma",
                  "hard_sector"]
FAMILY_COLUMNS = ["id", "relation", "birth", "moves"]
RECORD_COLUMNS = ["id", "kind", "date", "level", "title", "qualifying", "category", "years", "type"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--scheme", "--city", choices=sorted(CITIES), default="suzhou")
    parser.add_argument("--mixed-origin", action="store_true", help="IDs from several provinces")
    parser.add_argument("--as-of", default="2021-06", help="YYYY-MM the months run up to")
    parser.add_argument("--csv", action="store_true", help="write OUT.csv and its -periods, -family, -records tables")
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    y, m = map(int, args.as_of.split("-"))
    as_of_month = y * 12 + m - 1
    if not args.csv:
        with open(args.out, "w", encoding="utf-8") as f:
            for i in range(args.n):
                f.write(json.dumps(applicant(rnd, i, as_of_month, args.scheme, args.mixed_origin), ensure_ascii=False) + "\n")
        return
    stem = args.out.removesuffix(".csv")
    app_columns = [c for c in APP_COLUMNS if c != "target_area" or args.scheme == "suzhou"]
    period_columns = [c for c in PERIOD_COLUMNS if c != "hard_sector" or args.scheme == "nanjing"]
    tables = {"": app_columns, "-periods": period_columns, "-family": FAMILY_COLUMNS, "-records": RECORD_COLUMNS}
    files = {k: open(f"{stem}{k}.csv", "w", encoding="utf-8", newline="") for k in tables}  # noqa: SIM115
    try:
        writers = {k: csv.writer(f, lineterminator="\n") for k, f in files.items()}
        for k, columns in tables.items():
            writers[k].writerow(columns)
        for i in range(args.n):
            a = applicant(rnd, i, as_of_month, args.scheme, args.mixed_origin)
            flat = {**a, **a["education"], **a["extra"]}
            writers[""].writerow([flat.get(c, "") for c in app_columns])
            for key, rows, columns in (("-periods", a["periods"], period_columns),
                                       ("-family", a["family"], FAMILY_COLUMNS),
                                       ("-records", a["records"], RECORD_COLUMNS)):
                for r in rows:
                    writers[key].writerow([a["id"], *(r.get(c, "") for c in columns[1:])])
    finally:
        for f in files.values():
            f.close()


if __name__ == "__main__":
    main()

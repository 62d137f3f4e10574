"""A seeded generator of realistic Suzhou applicants, for `pointscalc rank`: JSON Lines, or
flat CSV tables (OUT.csv and OUT-periods.csv) with --csv; or Beijing applicants (JSON Lines,
with tax records) with --city beijing.

The distributions are rough shapes of a migrant workforce, not statistics from a source:
ages 20–55 peaking near 30, mostly secondary or junior-college education, several years
of insurance with some gaps and some months in Nanjing or Wuxi, a residence permit, a
rented or owned home.  Usage:

    python benchmarks/synth.py N OUT.jsonl [--seed S]
    python benchmarks/synth.py N OUT.csv --csv [--seed S] [--mixed-origin]
    python benchmarks/synth.py N OUT.jsonl --city beijing [--seed S]

--mixed-origin draws each ID's province from a fixed list (by serial number, so every
other field is the same as without it), for comparisons by province of origin.

The CSV tables hold the same applicants, less their family members, which a flat table
does not carry.
"""

from __future__ import annotations

import argparse
import csv
import json
import random

from pointscalc.idnumber import check_digit

AREAS = {
    "市区": ["姑苏区", "吴中区", "相城区", "苏州工业园区", "苏州高新区", "吴江区"],
    "昆山": ["昆山市"], "常熟": ["常熟市"], "张家港": ["张家港市"], "太仓": ["太仓市"],
}
AREA_WEIGHTS = [60, 16, 9, 8, 7]
DIPLOMAS = ["none", "secondary", "junior_college", "bachelor", "master", "doctor"]
DIPLOMA_WEIGHTS = [8, 45, 27, 16, 3.5, 0.5]
QUALIFICATIONS = ["none", "level5", "level4", "level3", "level2", "level1"]
QUALIFICATION_WEIGHTS = [60, 10, 12, 12, 5, 1]


def month(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


PROVINCES = ["32", "34", "41", "37", "51", "42", "43", "36", "13", "23"]
"""Region codes of provinces migrants to Suzhou and Beijing often come from (GB/T 2260)."""


def region(serial: int, mixed: bool, home: str = "32") -> str:
    """Six region digits that, with the sequence digits, keep IDs unique up to 10 million."""
    if not mixed:
        return f"{int(home) * 10000 + (serial // 1000) % 1000:06d}"
    return f"{PROVINCES[(serial * 7919) % len(PROVINCES)]}{(serial // 1000) % 10000:04d}"


def applicant(rnd: random.Random, serial: int, as_of_month: int, mixed: bool = False) -> dict:
    age = max(20, min(55, int(rnd.gauss(32, 7))))
    year = as_of_month // 12 - age
    birth = f"{year:04d}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
    first17 = f"{region(serial, mixed)}{birth}{serial % 1000:03d}"
    area = rnd.choices(list(AREAS), AREA_WEIGHTS)[0]
    district = rnd.choice(AREAS[area])
    insured = max(6, min(12 * (age - 18), int(rnd.expovariate(1 / 60))))
    start = as_of_month - insured + 1
    periods = []
    if rnd.random() < 0.15:  # a break: insurance stopped for a few months
        gap = rnd.randint(1, 6)
        cut = start + insured // 2
        periods.append({"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州",
                        "start": month(start), "end": month(cut - 1)})
        periods.append({"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州",
                        "district": district, "start": month(cut + gap)})
    else:
        periods.append({"kind": "social_insurance", "scheme": "urban_employee", "city": "苏州",
                        "district": district, "start": month(start)})
    if rnd.random() < 0.1:  # years in a partner or other city before coming
        city = rnd.choice(["南京", "无锡", "上海", "常州"])
        n = rnd.randint(6, 48)
        periods.append({"kind": "social_insurance", "scheme": "urban_employee", "city": city,
                        "start": month(start - n), "end": month(start - 1)})
    if rnd.random() < 0.6:
        periods.append({"kind": "housing_fund", "city": "苏州", "start": month(start + rnd.randint(0, 24))})
    periods.append({"kind": "residence_permit", "city": "苏州", "district": district,
                    "start": month(start + rnd.randint(0, 6))})
    owned = rnd.random() < 0.35
    periods.append({"kind": "residence", "tenure": "owned" if owned else "rented", "city": "苏州",
                    "district": district, "area": rnd.choice([40, 60, 75, 90, 120]),
                    "start": month(start + rnd.randint(0, 12))})
    family = []
    if age > 25 and rnd.random() < 0.6:
        family.append({"relation": "spouse"})
        for _ in range(rnd.choice([0, 1, 1, 2])):
            family.append({"relation": "child", "birth": f"{as_of_month // 12 - rnd.randint(0, 15)}-06"})
    return {
        "id": first17 + check_digit(first17),
        "name": "申请人" + str(serial),
        "birth": f"{birth[:4]}-{birth[4:6]}-{birth[6:]}",
        "education": {"diploma": rnd.choices(DIPLOMAS, DIPLOMA_WEIGHTS)[0]},
        "qualification": rnd.choices(QUALIFICATIONS, QUALIFICATION_WEIGHTS)[0],
        "family": family,
        "periods": periods,
        "extra": {"target_area": area},
    }


BEIJING_DISTRICTS = ["海淀区", "朝阳区", "丰台区", "昌平区", "大兴区", "通州区", "顺义区"]
DEGREE_OF = {"secondary": "none", "junior_college": "none", "bachelor": "bachelor", "master": "master",
             "doctor": "doctor"}


def beijing_applicant(rnd: random.Random, serial: int, as_of_month: int) -> dict:
    """A Beijing applicant who meets most of 第四条: a permit, 7+ years of continuous
    insurance (some fall short), a home; a qualifying tax year in each of the last six years
    with some chance, so that a reform of the tax item has applicants to move."""
    age = max(26, min(52, int(rnd.gauss(37, 5))))
    year = as_of_month // 12 - age
    birth = f"{year:04d}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
    first17 = f"{region(serial, True)}{birth}{serial % 1000:03d}"
    insured = max(60, min(12 * (age - 21), 84 + int(rnd.expovariate(1 / 48))))
    start = as_of_month - insured + 1
    district = rnd.choice(BEIJING_DISTRICTS)
    diploma = rnd.choices(["secondary", "junior_college", "bachelor", "master", "doctor"], [4, 14, 46, 31, 5])[0]
    periods = [
        {"kind": "social_insurance", "scheme": "urban_employee", "city": "北京", "district": district,
         "start": month(start)},
        {"kind": "residence_permit", "city": "北京", "start": month(start + rnd.randint(0, 24))},
        {"kind": "residence", "tenure": "owned" if rnd.random() < 0.3 else "rented", "city": "北京",
         "district": district, "start": month(start + rnd.randint(0, 12))},
    ]
    taxed = rnd.random()
    records = [{"kind": "tax", "date": f"{y}-12-31", "qualifying": True}
               for y in range(as_of_month // 12 - 6, as_of_month // 12) if rnd.random() < taxed]
    return {
        "id": first17 + check_digit(first17),
        "name": "申请人" + str(serial),
        "birth": f"{birth[:4]}-{birth[4:6]}-{birth[6:]}",
        "education": {"diploma": diploma, "degree": DEGREE_OF[diploma]},
        "periods": periods,
        "records": records,
    }


APP_COLUMNS = ["id", "name", "birth", "diploma", "qualification", "target_area"]
PERIOD_COLUMNS = ["id", "kind", "city", "district", "start", "end", "scheme", "tenure", "area"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--as-of", default="2021-06", help="YYYY-MM the months run up to")
    parser.add_argument("--csv", action="store_true", help="write OUT.csv and OUT-periods.csv")
    parser.add_argument("--city", choices=["suzhou", "beijing"], default="suzhou")
    parser.add_argument("--mixed-origin", action="store_true", help="IDs from several provinces (Suzhou)")
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    y, m = map(int, args.as_of.split("-"))
    as_of_month = y * 12 + m - 1
    if args.city == "beijing" and args.csv:
        parser.error("--city beijing writes JSON Lines: a flat table carries no tax records")
    if not args.csv:
        with open(args.out, "w", encoding="utf-8") as f:
            for i in range(args.n):
                a = beijing_applicant(rnd, i, as_of_month) if args.city == "beijing" \
                    else applicant(rnd, i, as_of_month, args.mixed_origin)
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        return
    periods_path = args.out.removesuffix(".csv") + "-periods.csv"
    with open(args.out, "w", encoding="utf-8", newline="") as fa, \
            open(periods_path, "w", encoding="utf-8", newline="") as fp:
        apps, periods = csv.writer(fa, lineterminator="\n"), csv.writer(fp, lineterminator="\n")
        apps.writerow(APP_COLUMNS)
        periods.writerow(PERIOD_COLUMNS)
        for i in range(args.n):
            a = applicant(rnd, i, as_of_month, args.mixed_origin)
            apps.writerow([a["id"], a["name"], a["birth"], a["education"]["diploma"], a["qualification"],
                           a["extra"]["target_area"]])
            for p in a["periods"]:
                periods.writerow([a["id"], *(p.get(c, "") for c in PERIOD_COLUMNS[1:])])


if __name__ == "__main__":
    main()

"""``rank --engine dask`` on a local cluster of two worker processes, against the one-machine
``rank`` (``--engine auto``: the columns engine for Suzhou, the reference for Beijing and
Nanjing).  Both must write the same bytes.

The pools are seeded, small and coarse (starts on whole half-years, few diplomas), so that
many applicants tie, bad values are mixed in, and hashing by ID spreads each tie group over
partitions.  One cluster serves the module; every test has a hard time limit.
"""

from __future__ import annotations

import csv
import io
import os
import random
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster

from pointscalc.quotas import read_quotas
from pointscalc import distributed
from pointscalc.cli import main
from pointscalc.idnumber import check_digit
from pointscalc.recognition import Recognition
from pointscalc.registry import load

OUTPUTS = ("results.csv", "public.csv", "summary.csv", "errors.csv")
LIMIT = 120
"""Seconds any one test may take, cluster start included."""

CITIES = {"beijing": ("北京", ["朝阳区", "海淀区"]), "nanjing": ("南京", ["玄武区", "鼓楼区", "江宁区", "六合区"]),
          "suzhou": ("苏州", ["姑苏区", "吴中区", "昆山市"])}
AREAS = {"姑苏区": "市区", "吴中区": "市区", "昆山市": "昆山"}
APP_HEADER = ["id", "name", "birth", "sex", "diploma", "qualification", "title", "target_area", "cadre"]
PERIOD_HEADER = ["id", "kind", "city", "district", "start", "end", "scheme", "tenure", "area", "hard_sector"]


def quota_for(scheme: str, tmp: Path, places: str) -> str:
    """``--quota``: a number, or for Suzhou 2020 (a quota per target area) a file giving each
    area that number of places."""
    if scheme != "suzhou":
        return places
    path = tmp / f"quota-{places}.toml"
    path.write_text("".join(f'"{a}" = {places}\n' for a in ("市区", "昆山", "常熟", "张家港", "太仓")), encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def time_limit() -> Iterator[None]:
    def expired(*_: Any) -> None:
        raise TimeoutError(f"over {LIMIT} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(LIMIT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def month(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def pool(scheme: str, n: int, seed: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Applicants and periods for ``scheme``'s city, flat, as an office's tables hold them."""
    rnd = random.Random(seed)
    city, districts = CITIES[scheme]
    as_of = 2021 * 12 + 5
    apps, periods = [], []
    for i in range(n):
        year = rnd.randint(1966, 1998)
        birth = f"{year}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
        first17 = f"{110101 + i % 7:06d}{birth}{i % 1000:03d}"
        district = rnd.choice(districts)
        row = {"id": first17 + check_digit(first17), "name": rnd.choice(["张三", "李四", "王五", "=1+1", "A, B"]),
               "birth": rnd.choice(["", f"{birth[:4]}-{birth[4:6]}-{birth[6:]}"]),
               "sex": rnd.choice(["", "male" if int(first17[-1]) % 2 else "female"]),
               "diploma": rnd.choice(["", "secondary", "junior_college", "bachelor", "master"]),
               "qualification": rnd.choice(["", "", "level4", "level3"]), "title": rnd.choice(["", "", "intermediate"]),
               "target_area": AREAS.get(district, "") if scheme == "suzhou" else "",
               "cadre": rnd.choice(["", "false", "true"]) if scheme == "beijing" else ""}
        since = as_of - 6 * rnd.randint(2, 16)
        own = [
            {"kind": "social_insurance", "city": city, "district": district, "start": month(since), "end": "",
             "scheme": "urban_employee"},
            {"kind": "residence_permit", "city": city, "district": district, "start": month(since + 6 * rnd.randint(0, 1))},
            {"kind": "residence", "city": city, "district": district, "start": month(since),
             "tenure": rnd.choice(["owned", "rented"]), "area": rnd.choice(["60", "90"])},
        ]
        if rnd.random() < 0.4:
            own.append({"kind": "housing_fund", "city": city, "start": month(since + 6)})
        if scheme == "nanjing":
            own.append({"kind": "employment", "city": city, "start": month(since),
                        "hard_sector": rnd.choice(["true", "false", "false"])})
        if rnd.random() < 0.1:
            own.append({"kind": "social_insurance", "city": rnd.choice(["南京", "苏州", "上海"]), "scheme": "urban_employee",
                        "start": month(since - 24), "end": month(since - 1)})
        if rnd.random() < 0.15:
            own = own[1:]  # no insurance: ineligible
        if rnd.random() < 0.05:
            rnd.choice([row, own[0]]).update(rnd.choice([{"diploma": "博士后"}, {"start": "2021-13"}]))
        apps.append(row)
        periods += [{"id": row["id"], **p} for p in own]
    apps.append(dict(apps[3]))  # a repeated ID
    periods.append({"id": "110101199001011237", "kind": "residence_permit", "city": city, "start": "2020-01"})
    rnd.shuffle(periods)
    return apps, periods


def write_csv(path: Path, rows: list[dict[str, str]], header: list[str]) -> None:
    """Only the columns some row fills: each scheme's own facts, no other's."""
    header = [h for h in header if h == "id" or any(r.get(h) for r in rows)]
    out = io.StringIO()
    w = csv.DictWriter(out, header, lineterminator="\n")
    w.writeheader()
    w.writerows([{k: r.get(k, "") for k in header} for r in rows])
    path.write_text(out.getvalue(), encoding="utf-8")


def as_parquet(tmp: Path, name: str, files: int) -> None:
    """``tmp/name.csv`` as a folder ``tmp/name`` of ``files`` Parquet files, its rows in order."""
    table = pacsv.read_csv(tmp / f"{name}.csv", convert_options=pacsv.ConvertOptions(
        column_types={c: pa.string() for c in [*APP_HEADER, *PERIOD_HEADER]}, strings_can_be_null=False))
    (tmp / name).mkdir()
    size = -(-table.num_rows // files)
    for k in range(files):
        pq.write_table(table.slice(k * size, size), tmp / name / f"part-{k}.parquet")


def one_machine(scheme: str, tmp: Path, *extra: str) -> dict[str, bytes]:
    result = CliRunner().invoke(main, ["rank", scheme, str(tmp / "apps.csv"), "--periods", str(tmp / "periods.csv"),
                                       "--as-of", "2021-06-30", "--out", str(tmp / "one"), *extra])
    assert result.exit_code == 0, result.output
    return {name: (tmp / "one" / name).read_bytes() for name in OUTPUTS}


def on_cluster(cluster: LocalCluster, scheme: str, apps: Path, periods: Path, out: Path, *extra: str) -> Any:
    return CliRunner().invoke(main, ["rank", scheme, str(apps), "--periods", str(periods), "--as-of", "2021-06-30",
                                     "--out", str(out), "--engine", "dask", "--scheduler", cluster.scheduler_address,
                                     "--partitions", "5", *extra])


def statuses(results: bytes) -> set[str]:
    return {r["status"] for r in csv.DictReader(io.StringIO(results.decode("utf-8-sig")))}


def line_quota(results: bytes) -> int:
    """A quota whose line falls inside a group of equal applicants: the first rank shared
    by two or more (taken from the one-machine run, then checked against it)."""
    ranks = [(r["bucket"], int(r["rank"])) for r in csv.DictReader(io.StringIO(results.decode("utf-8-sig")))
             if r["rank"]]
    return next(r for b, r in ranks if ranks.count((b, r)) > 1)


@pytest.mark.parametrize("scheme", ["beijing", "nanjing", "suzhou"])
@pytest.mark.parametrize("ties", ["strict", "admit_all"])
def test_a_partitioned_pool_ranks_to_the_same_bytes(cluster: LocalCluster, tmp_path: Path, scheme: str,
                                                    ties: str) -> None:
    apps, periods = pool(scheme, 160, seed=len(scheme))
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    first = one_machine(scheme, tmp_path, "--quota", quota_for(scheme, tmp_path, "1000"))
    quota = line_quota(first["results.csv"])
    reference = one_machine(scheme, tmp_path, "--quota", quota_for(scheme, tmp_path, str(quota)), "--ties", ties)
    result = on_cluster(cluster, scheme, tmp_path / "apps.csv", tmp_path / "periods.csv", tmp_path / "dask",
                        "--quota", quota_for(scheme, tmp_path, str(quota)), "--ties", ties)
    assert result.exit_code == 0, result.output
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == reference[name], name
    # Not an empty agreement: some admitted, some not; bad rows listed; a tie at the line.
    assert {"admitted", "waitlisted", "invalid"} <= statuses(reference["results.csv"])
    summary = list(csv.DictReader(io.StringIO(reference["summary.csv"].decode("utf-8-sig"))))
    assert any(int(s["tied_at_cutoff"]) > 1 for s in summary)


def test_partitions_with_no_row_or_only_bad_rows(cluster: LocalCluster, tmp_path: Path) -> None:
    # More partitions than applicants: most partitions hold no row, and the repeated ID's
    # two rows (hashed together) may be all a partition holds, both invalid.
    apps, periods = pool("suzhou", 6, seed=12)
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    reference = one_machine("suzhou", tmp_path, "--quota", quota_for("suzhou", tmp_path, "2"))
    ids = [r["id"] for r in csv.DictReader(io.StringIO(reference["results.csv"].decode("utf-8-sig")))]
    assert len(set(distributed.part_of(pa.array([a["id"] for a in apps]), 16).tolist())) < 16
    result = on_cluster(cluster, "suzhou", tmp_path / "apps.csv", tmp_path / "periods.csv", tmp_path / "dask",
                        "--quota", quota_for("suzhou", tmp_path, "2"), "--partitions", "16")
    assert result.exit_code == 0, result.output
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == reference[name], name
    assert ids.count("") == 3  # invalid: the repeated ID's two rows and the period of no applicant


def test_a_round_checks_births_against_its_rules_day(cluster: LocalCluster, tmp_path: Path) -> None:
    # Beijing's 2021 round counts data to 2019-12-31 under rules of 2021: an applicant born
    # in 2020 is not "not yet born" (as in one machine's run, which checks births against
    # the rules day), so both engines give the same outputs.
    apps, periods = pool("beijing", 60, seed=21)
    first17 = "110101202003010" + "42"
    born = first17 + check_digit(first17)
    old = apps[0]["id"]
    apps[0].update(id=born, birth="2020-03-01")
    for p in periods:
        if p["id"] == old:
            p["id"] = born
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    base = ["rank", "beijing", str(tmp_path / "apps.csv"), "--periods", str(tmp_path / "periods.csv"), "--round",
            "2021", "--quota", "10"]
    one = CliRunner().invoke(main, [*base, "--out", str(tmp_path / "one")])
    assert one.exit_code == 0, one.output
    dask = CliRunner().invoke(main, [*base, "--out", str(tmp_path / "dask"), "--engine", "dask", "--scheduler",
                                     cluster.scheduler_address, "--partitions", "3"])
    assert dask.exit_code == 0, dask.output
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name
    assert born in (tmp_path / "one" / "results.csv").read_text(encoding="utf-8-sig")


def test_the_tie_at_the_line_spans_partitions(tmp_path: Path) -> None:
    # The property the test above relies on: the IDs of one tie group hash to more than one
    # of the 5 partitions (otherwise merging counts would never be exercised at a line).
    apps, periods = pool("suzhou", 160, seed=6)
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    first = one_machine("suzhou", tmp_path, "--quota", quota_for("suzhou", tmp_path, "1000"))
    quota = line_quota(first["results.csv"])
    rows = list(csv.DictReader(io.StringIO(first["results.csv"].decode("utf-8-sig"))))
    bucket = next(r["bucket"] for r in rows if r["rank"] == str(quota)
                  and sum(1 for x in rows if (x["bucket"], x["rank"]) == (r["bucket"], r["rank"])) > 1)
    tied = [r["id"] for r in rows if (r["bucket"], r["rank"]) == (bucket, str(quota))]
    assert len(tied) > 1
    assert len(set(distributed.part_of(pa.array(tied), 5).tolist())) > 1


def test_parquet_in_several_files_ranks_as_the_csv(cluster: LocalCluster, tmp_path: Path) -> None:
    # The same tables as a folder of three Parquet files each: the same results, public list
    # and summary; errors name the folder and number rows through its files in order.
    apps, periods = pool("suzhou", 120, seed=3)
    apps.insert(50, {})  # a row of empty cells: skipped by both readers, and counted by both
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    reference = one_machine("suzhou", tmp_path, "--quota", quota_for("suzhou", tmp_path, "20"))
    for name in ("apps", "periods"):
        as_parquet(tmp_path, name, 3)
    result = on_cluster(cluster, "suzhou", tmp_path / "apps", tmp_path / "periods", tmp_path / "dask", "--quota", quota_for("suzhou", tmp_path, "20"),
                        "--parquet")
    assert result.exit_code == 0, result.output
    for name in ("results.csv", "public.csv", "summary.csv"):
        assert (tmp_path / "dask" / name).read_bytes() == reference[name], name
    # Parquet out: the CSV's rows and cells, in its order.
    for name in ("results", "public"):
        rows = list(csv.reader(io.StringIO(reference[f"{name}.csv"].decode("utf-8-sig"))))
        table = pq.read_table(tmp_path / "dask" / f"{name}.parquet")
        assert table.column_names == rows[0]
        assert [list(r.values()) for r in table.to_pylist()] == rows[1:]
        assert len(rows) > 5
    renamed = reference["errors.csv"].decode("utf-8").replace(str(tmp_path / "apps.csv"), str(tmp_path / "apps")) \
        .replace(str(tmp_path / "periods.csv"), str(tmp_path / "periods"))
    assert (tmp_path / "dask" / "errors.csv").read_bytes().decode("utf-8") == renamed
    assert renamed.count("\n") > 2  # bad rows were there to be numbered


def test_a_worker_killed_mid_run_changes_nothing(cluster: LocalCluster, tmp_path: Path) -> None:
    # Once every partition is scored (and held in workers' memory), one worker is killed.
    # Dask recomputes what it held from the read tasks; the outputs are the same bytes.
    apps, periods = pool("suzhou", 200, seed=11)
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    reference = one_machine("suzhou", tmp_path, "--quota", quota_for("suzhou", tmp_path, "30"))
    scheme = load("suzhou")
    as_of = __import__("datetime").date(2021, 6, 30)
    version = scheme.version_for(as_of)
    job = distributed.Job(scheme, version, as_of, Recognition.resolve(scheme.city, scheme.agreements, as_of, False), 6)
    killed = []
    with Client(cluster.scheduler_address) as client:
        def kill(stage: str) -> None:
            if stage.startswith("scored") and not killed:
                victim = sorted(client.scheduler_info()["workers"])[0]
                killed.append(victim)
                try:
                    client.run(os._exit, 1, workers=[victim])
                except Exception:  # noqa: BLE001 - the worker dies without answering
                    pass

        outcome = distributed.rank_pool(client, job, str(tmp_path / "apps.csv"), str(tmp_path / "periods.csv"),
                                        read_quotas(quota_for("suzhou", tmp_path, "30")), progress=kill)
        outcome.write(tmp_path / "dask")
        client.wait_for_workers(2, timeout=60)
    assert killed
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == reference[name], name


def test_an_unreachable_scheduler_is_a_clear_error_and_out_untouched(tmp_path: Path) -> None:
    apps, periods = pool("suzhou", 5, seed=1)
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "results.csv").write_bytes(b"earlier run")
    result = CliRunner().invoke(main, ["rank", "suzhou", str(tmp_path / "apps.csv"), "--periods",
                                       str(tmp_path / "periods.csv"), "--as-of", "2021-06-30", "--quota", quota_for("suzhou", tmp_path, "3"),
                                       "--out", str(tmp_path / "out"), "--engine", "dask",
                                       "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.output
    assert "Traceback" not in result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["results.csv"]
    assert (tmp_path / "out" / "results.csv").read_bytes() == b"earlier run"


def test_without_dask_the_message_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # an import of it fails, as when not installed
    (tmp_path / "apps.csv").write_text("id\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rank", "suzhou", str(tmp_path / "apps.csv"), "--as-of", "2021-06-30",
                                       "--quota", quota_for("suzhou", tmp_path, "3"), "--out", str(tmp_path / "out"), "--engine", "dask"])
    assert result.exit_code == 1
    assert "pip install 'pointscalc[dask]'" in result.output
    assert not (tmp_path / "out").exists()


def test_options_that_cannot_go_with_dask_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "apps.csv").write_text("id\n", encoding="utf-8")
    base = ["rank", "suzhou", str(tmp_path / "apps.csv"), "--as-of", "2021-06-30", "--quota", quota_for("suzhou", tmp_path, "3"),
            "--out", str(tmp_path / "out")]
    assert CliRunner().invoke(main, [*base, "--engine", "dask", "--xlsx"]).exit_code == 2
    assert CliRunner().invoke(main, [*base, "--scheduler", "tcp://127.0.0.1:9"]).exit_code == 2
    assert CliRunner().invoke(main, [*base, "--parquet"]).exit_code == 2
    assert not (tmp_path / "out").exists()


def test_a_task_that_fails_is_one_line_of_error_and_out_untouched(cluster: LocalCluster, tmp_path: Path) -> None:
    # Scoring is broken on the workers, with a message quoting an ID and a name: the run
    # stops with exit 1, names the kind of failure only, and writes nothing.
    apps, periods = pool("suzhou", 30, seed=2)
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "results.csv").write_bytes(b"earlier run")

    def break_scoring() -> None:
        import pointscalc.bulk as b

        def boom(*_: Any, **__: Any) -> None:
            raise RuntimeError("110101199001011237 张三")

        b.saved_score_frame = b.score_frame  # type: ignore[attr-defined]
        b.score_frame = boom  # type: ignore[assignment]

    def mend() -> None:
        import pointscalc.bulk as b

        b.score_frame = b.saved_score_frame  # type: ignore[attr-defined]

    with Client(cluster.scheduler_address) as client:
        client.run(break_scoring)
        try:
            result = on_cluster(cluster, "suzhou", tmp_path / "apps.csv", tmp_path / "periods.csv", tmp_path / "out",
                                "--quota", quota_for("suzhou", tmp_path, "3"))
        finally:
            client.run(mend)
    assert result.exit_code == 1
    assert "the run failed on the cluster (RuntimeError" in result.output
    assert "110101199001011237" not in result.output and "张三" not in result.output
    assert "Traceback" not in result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["results.csv"]
    assert (tmp_path / "out" / "results.csv").read_bytes() == b"earlier run"


def test_a_scheme_without_a_ranking_is_refused_as_on_one_machine(tmp_path: Path) -> None:
    # Nantong admits by conditions and declares no ranking; both engines say so, exit 1.
    (tmp_path / "apps.csv").write_text("id\n", encoding="utf-8")
    base = ["rank", "nantong", str(tmp_path / "apps.csv"), "--as-of", "2021-06-30", "--quota", quota_for("suzhou", tmp_path, "3"),
            "--out", str(tmp_path / "out")]
    for engine in ("auto", "dask"):
        result = CliRunner().invoke(main, [*base, "--engine", engine, *(["--scheduler", "tcp://127.0.0.1:9"]
                                                                         if engine == "dask" else [])])
        assert result.exit_code == 1, engine
        assert "declares no ranking" in result.output, result.output



COMPARED = ("transitions.csv", "buckets.csv", "changes.csv", "groups.csv", "compare.json", "errors.csv", "report.html")


def compare_run(tmp: Path, pool_path: Path, periods: Path, out: str, *extra: str) -> dict[str, bytes]:
    """``compare`` Suzhou 2020 against 2016 (other items, other rank keys: many move)."""
    quota = tmp / "quota-cmp.toml"
    quota.write_text('"市区" = 12\n"昆山" = 4\n', encoding="utf-8")  # the pool's two target areas
    result = CliRunner().invoke(main, ["compare", "suzhou", str(pool_path), "--periods", str(periods), "--as-of",
                                       "2021-06-30", "--quota", str(quota), "--against", "2016",
                                       "--out", str(tmp / out), "--by", "sex", *extra])
    assert result.exit_code == 0, result.output
    return {name: (tmp / out / name).read_bytes() for name in COMPARED if (tmp / out / name).exists()}


def test_compare_on_the_cluster_writes_the_same_files(cluster: LocalCluster, tmp_path: Path) -> None:
    # Both sides ranked on the cluster: every file of compare, the report's charts included,
    # is the same bytes as an in-process compare of the same CSV tables.
    apps, periods = pool("suzhou", 150, seed=9)
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    reference = compare_run(tmp_path, tmp_path / "apps.csv", tmp_path / "periods.csv", "one")

    def count_reads() -> None:  # a task's function is looked up by name where it runs
        import pointscalc.distributed as d

        d.reads_done, d.saved_read_task = 0, d.read_task  # type: ignore[attr-defined]

        def counted(*args: Any) -> Any:
            d.reads_done += 1  # type: ignore[attr-defined]
            return d.saved_read_task(*args)  # type: ignore[attr-defined]

        d.read_task = counted  # type: ignore[assignment]

    def reads_done() -> int:
        import pointscalc.distributed as d

        d.read_task = d.saved_read_task  # type: ignore[attr-defined]
        return d.reads_done  # type: ignore[attr-defined,no-any-return]

    with Client(cluster.scheduler_address) as client:
        client.run(count_reads)
        try:
            on = compare_run(tmp_path, tmp_path / "apps.csv", tmp_path / "periods.csv", "dask", "--engine", "dask",
                             "--scheduler", cluster.scheduler_address, "--partitions", "5")
        finally:
            reads = sum(client.run(reads_done).values())
    for name in COMPARED:
        assert on[name] == reference[name], name
    assert reads == 2  # each of the two files read once, for both sides
    # Not an empty agreement: applicants moved between statuses, bad rows were listed.
    moved = [r for r in csv.DictReader(io.StringIO(reference["transitions.csv"].decode("utf-8-sig")))
             if r["before"] != r["after"]]
    assert moved
    assert reference["errors.csv"].count(b"\n") > 2


def test_compare_on_the_cluster_reads_parquet_folders(cluster: LocalCluster, tmp_path: Path) -> None:
    # The pool as folders of Parquet files: the same tables as from the CSV (compare.json
    # and errors.csv name the folders instead, and report.html the pool).
    apps, periods = pool("suzhou", 120, seed=4)
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    reference = compare_run(tmp_path, tmp_path / "apps.csv", tmp_path / "periods.csv", "one", "--no-report")
    for name in ("apps", "periods"):
        as_parquet(tmp_path, name, 2)
    result = CliRunner().invoke(main, ["compare", "suzhou", str(tmp_path / "apps"), "--periods",
                                       str(tmp_path / "periods"), "--as-of", "2021-06-30", "--quota",
                                       str(tmp_path / "quota-cmp.toml"), "--against", "2016", "--out",
                                       str(tmp_path / "dask"), "--by", "sex", "--no-report", "--engine", "dask",
                                       "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    for name in ("transitions.csv", "buckets.csv", "changes.csv", "groups.csv"):
        assert (tmp_path / "dask" / name).read_bytes() == reference[name], name
    assert b"sex" in reference["groups.csv"]


def test_compare_options_that_need_dask_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "apps.csv").write_text("id\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    base = ["compare", "suzhou", str(tmp_path / "apps.csv"), "--as-of", "2021-06-30", "--quota", "3",
            "--against", "2016", "--out", str(tmp_path / "out"), "--no-report"]
    for extra in (["--scheduler", "tcp://127.0.0.1:9"], ["--partitions", "4"], ["--engine", "dask", "--jobs", "2"],
                  ["--engine", "dask", "--scored"]):
        result = CliRunner().invoke(main, [*base, *extra])
        assert result.exit_code == 2, (extra, result.output)
    folder = [*base[:2], str(tmp_path / "folder"), *base[3:]]
    result = CliRunner().invoke(main, folder)
    assert result.exit_code == 2 and "--engine dask" in result.output
    # An empty folder is no pool: said before any cluster is reached (this scheduler is not there).
    result = CliRunner().invoke(main, [*folder, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1 and "no .csv or .parquet file here" in result.output, result.output
    assert not (tmp_path / "out").exists()


def test_a_dask_run_records_itself_and_verify_reruns_it(cluster: LocalCluster, tmp_path: Path) -> None:
    # run.json says the engine and the outputs' hashes; verify re-runs it on the Dask engine
    # (a local cluster of its own) and finds every file the same bytes; a changed output,
    # and a changed file of the Parquet pool, are both found.
    apps, periods = pool("suzhou", 80, seed=5)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    table = pa.table({h: pa.array([a.get(h, "") for a in apps], pa.string()) for h in APP_HEADER
                      if any(a.get(h) for a in apps)})  # Suzhou's columns only, as write_csv
    (tmp_path / "apps").mkdir()
    pq.write_table(table.slice(0, 40), tmp_path / "apps" / "part-0.parquet")
    pq.write_table(table.slice(40), tmp_path / "apps" / "part-1.parquet")
    result = on_cluster(cluster, "suzhou", tmp_path / "apps", tmp_path / "periods.csv", tmp_path / "out",
                        "--quota", quota_for("suzhou", tmp_path, "10"), "--parquet")
    assert result.exit_code == 0, result.output
    import hashlib
    import json

    kept = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert kept["options"]["engine"] == "dask" and kept["options"]["parquet"] is True
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert sorted(kept["outputs"]) == [n for n in written if n != "run.json"]
    for name, entry in kept["outputs"].items():  # hashed as streamed: the files' own hashes
        assert entry["sha256"] == hashlib.sha256((tmp_path / "out" / name).read_bytes()).hexdigest(), name
    results = list(csv.DictReader(io.StringIO((tmp_path / "out" / "results.csv").read_text(encoding="utf-8-sig"))))
    assert kept["outputs"]["results.csv"]["rows"] == len(results) == kept["outputs"]["results.parquet"]["rows"]
    assert kept["counts"] == {s: sum(r["status"] == s for r in results) for s in {r["status"] for r in results}}
    assert kept["inputs"]["input"]["rows"] == len(apps) == 81  # the pool repeats one row

    verified = CliRunner().invoke(main, ["verify", str(tmp_path / "out")])
    assert verified.exit_code == 0, verified.output
    assert f"verified: all {len(written)} files are the same bytes" in verified.output

    public = (tmp_path / "out" / "public.csv").read_bytes()
    (tmp_path / "out" / "public.csv").write_bytes(public + b"1,x,y,1,z\n")
    changed = CliRunner().invoke(main, ["verify", str(tmp_path / "out")])
    assert changed.exit_code == 1 and "differs: public.csv" in changed.output
    (tmp_path / "out" / "public.csv").write_bytes(public)

    pq.write_table(table.slice(0, 39), tmp_path / "apps" / "part-0.parquet")
    moved = CliRunner().invoke(main, ["verify", str(tmp_path / "out")])
    assert moved.exit_code == 1 and "has changed since the run" in moved.output


def test_a_worker_that_raises_on_a_row_leaks_no_name_or_id(cluster: LocalCluster, tmp_path: Path) -> None:
    # One row makes the workers' reader raise, with an error that quotes the row's ID and
    # name (as a deep library's message may).  Neither the user's terminal nor any worker's
    # or the scheduler's log holds a name or an ID number of the pool; the error says the kind.
    apps, periods = pool("suzhou", 40, seed=8)
    for i, a in enumerate(apps):
        a["name"] = f"隐名{i:03d}"
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    marker = apps[7]["id"]

    def break_on(marker: str) -> None:
        import pointscalc.columns as c

        def from_raw(apps: Any, *args: Any, **kwargs: Any) -> Any:
            ids = apps.columns["id"].to_pylist()
            if marker in ids:
                at = ids.index(marker)
                raise ValueError(f"cannot read {ids[at]} of {apps.columns['name'][at]}")
            return c.saved_from_raw(apps, *args, **kwargs)  # type: ignore[attr-defined]

        c.saved_from_raw = c.from_raw  # type: ignore[attr-defined]
        c.from_raw = from_raw  # type: ignore[assignment]

    def mend() -> None:
        import pointscalc.columns as c

        c.from_raw = c.saved_from_raw  # type: ignore[attr-defined]

    with Client(cluster.scheduler_address) as client:
        client.run(break_on, marker)
        try:
            result = on_cluster(cluster, "suzhou", tmp_path / "apps.csv", tmp_path / "periods.csv",
                                tmp_path / "out", "--quota", quota_for("suzhou", tmp_path, "3"))
        finally:
            client.run(mend)
        logs = [str(client.get_worker_logs()), str(client.get_worker_logs(nanny=True)),
                str(client.get_scheduler_logs())]
    assert result.exit_code == 1
    assert "the run failed on the cluster (ValueError" in result.output
    said = "\n".join([result.output, *logs])
    assert "Compute Failed" not in said
    for a in apps:
        assert a["id"] not in said and a["id"][:17] not in said and a["name"] not in said
    assert not (tmp_path / "out").exists()


def test_a_chinese_run_on_the_cluster_writes_the_same_bytes(cluster: LocalCluster, tmp_path: Path) -> None:
    # Workers are other processes: the run's language must travel with the tasks, or the
    # cluster's errors.csv and reasons would be English where one machine's are Chinese.
    apps, periods = pool("suzhou", 40, seed=3)
    write_csv(tmp_path / "apps.csv", apps, APP_HEADER)
    write_csv(tmp_path / "periods.csv", periods, PERIOD_HEADER)
    quota = quota_for("suzhou", tmp_path, "5")
    reference = one_machine("suzhou", tmp_path, "--quota", quota, "--lang", "zh")
    result = on_cluster(cluster, "suzhou", tmp_path / "apps.csv", tmp_path / "periods.csv", tmp_path / "dask",
                        "--quota", quota, "--lang", "zh")
    assert result.exit_code == 0, result.output
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == reference[name], name
    # Not English on both sides: the pool's repeated ID (pool() plants one) is explained in Chinese.
    errors = reference["errors.csv"].decode("utf-8-sig")
    assert "身份证号出现在多行" in errors and "applicant" not in errors

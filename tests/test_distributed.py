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
        table = pacsv.read_csv(tmp_path / f"{name}.csv", convert_options=pacsv.ConvertOptions(
            column_types={c: pa.string() for c in [*APP_HEADER, *PERIOD_HEADER]}, strings_can_be_null=False))
        (tmp_path / name).mkdir()
        third = -(-table.num_rows // 3)
        for k in range(3):
            pq.write_table(table.slice(k * third, third), tmp_path / name / f"part-{k}.parquet")
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


"""The Dask engine on a real distributed.LocalCluster (2 worker processes): same answers as pandas,
the CLI on an existing scheduler, and a worker killed mid-run."""

from __future__ import annotations

import importlib
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("distributed")

from distributed import Client, LocalCluster
from sklearn.metrics import adjusted_rand_score

from analysis.config import PROJECT_ROOT
from analysis.corpus import DatesWarning, load_corpus
from analysis.corpus.cache import cache_corpus, store
from analysis.dask import (
    DaskEngineError,
    cache_corpus_dask,
    cache_frame,
    fit_topics_dask,
    load_corpus_dask,
    parsed_tags,
)
from analysis.tags import tag_cooccurrence, tag_frequency
from analysis.topics import fit_topics
from analysis.topics.sampled import fit_cached
from tests.conftest import ARCHIVE_ARTICLES, ARCHIVE_OPTIONS

SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
    )
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture
def small_blocks(monkeypatch):
    """~256 KB blocks: a few-MB JSONL file is parsed as many Dask tasks."""
    monkeypatch.setattr(store, "CHUNK_BYTES", 1 << 18)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Values only: missing extras are None on one side and NaN on the other, dtypes differ by partition."""
    out = frame.reset_index(drop=True).astype(object)
    return out.where(out.notna(), None)


def test_load_tags_and_pairs_equal_pandas(client, bbc_path, tmp_path, small_blocks):
    ddf = load_corpus_dask(bbc_path, SEEDS, cache_dir=tmp_path, client=client)
    expected = load_corpus(bbc_path, SEEDS)
    assert ddf.npartitions > 5
    assert list(ddf.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(_plain(ddf.compute()), _plain(expected))
    pd.testing.assert_frame_equal(tag_frequency(parsed_tags(ddf)), tag_frequency(expected))
    pd.testing.assert_frame_equal(tag_cooccurrence(parsed_tags(ddf)), tag_cooccurrence(expected))


def test_bad_line_is_named_as_on_pandas(client, tmp_path, small_blocks):
    good = '{"title": "Headline %d about ships", "body": "The navy ordered %d frigates today."}'
    lines = [good % (i, i) for i in range(3000)]
    lines[2500] = '{"title": "no body", "body": ""}'
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Exception) as direct:
        load_corpus(path)
    with pytest.raises(Exception) as dask_error:
        load_corpus_dask(path, cache_dir=tmp_path / "cache", client=client)
    assert "archive.jsonl:2501" in str(dask_error.value)
    assert str(dask_error.value) == str(direct.value)


def test_dates_equal_pandas(client, dated_archive, tmp_path, monkeypatch):
    """Each file's dates read as a whole on the client, although a file spans several tasks."""
    monkeypatch.setattr(store, "CHUNK_BYTES", 2048)  # a.jsonl is parsed as several tasks
    with pytest.warns(DatesWarning) as direct:
        expected = load_corpus(dated_archive)
    for _ in range(2):  # built, then found
        with pytest.warns(DatesWarning) as cached:
            cache = cache_corpus_dask(dated_archive, cache_dir=tmp_path / "cache", client=client)
        assert [str(w.message) for w in cached if issubclass(w.category, DatesWarning)] == [
            str(w.message) for w in direct if issubclass(w.category, DatesWarning)
        ]
    assert len(cache.parts) > 8
    got = cache.read()
    pd.testing.assert_frame_equal(got, expected)
    assert got.attrs["date_notes"] == expected.attrs["date_notes"]
    computed = cache_frame(cache, ["id", "published"]).compute()
    assert str(computed["published"].dtype) == "datetime64[ns, UTC]"
    pd.testing.assert_frame_equal(computed.reset_index(drop=True), expected[["id", "published"]])


def test_a_rebuild_parses_only_new_blocks_and_prunes_removed_ones(
    client, dated_archive, tmp_path, monkeypatch
):
    """Each block's part is kept per file: after adding a file only its blocks are new (the others are
    copied, their kept copies untouched), the corpus equals load_corpus, and a removed file's go."""
    import shutil
    import warnings

    from analysis.dask.build import BLOCKS_DIR

    monkeypatch.setattr(store, "CHUNK_BYTES", 2048)  # a.jsonl is parsed as several tasks
    root = tmp_path / "cache"
    kept = root / BLOCKS_DIR

    def build():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return cache_corpus_dask(dated_archive, cache_dir=root, client=client)

    def copies() -> dict[str, float]:
        return {p.name: (p / "meta.json").stat().st_mtime_ns for p in kept.iterdir()}

    build()
    first = copies()
    shutil.copy(dated_archive / "e.jsonl", dated_archive / "f.jsonl")
    (dated_archive / "f.jsonl").write_text(
        (dated_archive / "e.jsonl").read_text(encoding="utf-8").replace("Headline", "Title"),
        encoding="utf-8",
    )
    added = build()
    second = copies()
    assert set(first) < set(second) and all(second[k] == first[k] for k in first)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = load_corpus(dated_archive)
    pd.testing.assert_frame_equal(added.read(), expected)
    (dated_archive / "f.jsonl").unlink()
    build()
    assert copies() == first


@pytest.mark.slow
def test_fit_topics_labels_agree_with_pandas(client, bbc_path, bbc_corpus, bbc_model, tmp_path):
    corpus = bbc_corpus
    ddf = load_corpus_dask(bbc_path, cache_dir=tmp_path, client=client)
    expected = bbc_model  # fit_topics(corpus, k=5, random_state=0), fitted once per session
    got = fit_topics_dask(ddf, k=5, random_state=0)
    assert adjusted_rand_score(expected.labels, got.labels) >= 0.95
    assert got.n_articles == len(corpus)


@pytest.mark.slow
def test_sampled_fit_on_dask_equals_the_chunked_pandas_path(
    client, bbc_path, tmp_path, monkeypatch
):
    cache = cache_corpus(bbc_path, cache_dir=tmp_path)
    pandas_model = fit_cached(cache, k=5, random_state=0, sample_size=800)
    dask_model = fit_topics_dask(cache_frame(cache), k=5, random_state=0, sample_size=800)
    assert adjusted_rand_score(pandas_model.labels, dask_model.labels) >= 0.95
    assert dask_model.clusters["size"].sum() == cache.n_articles
    topics = cache.read(["record_id"])["record_id"].str.split("/").str[0]
    assert adjusted_rand_score(topics, dask_model.labels) > 0.5  # the BBC sections are found


@pytest.mark.slow
def test_fit_cached_with_parts_on_the_cluster_is_the_pandas_model(
    client, bbc_path, tmp_path, monkeypatch
):
    """The report's fit on the Dask engine: the sample read and fitted as on pandas, every part assigned
    as a Dask task (parts_mapper): the same labels, fits and map positions to the last bit."""
    from analysis.dask.engine import parts_mapper

    monkeypatch.setattr(store, "PART_ROWS", 500)
    cache = cache_corpus(bbc_path, cache_dir=tmp_path)
    assert len(cache.parts) > 1  # several tasks, their results put back in order
    on_pandas = fit_cached(cache, k=5, random_state=0, sample_size=800)
    on_dask = fit_cached(cache, k=5, random_state=0, sample_size=800, map_parts=parts_mapper(cache))
    assert (on_dask.labels == on_pandas.labels).all()
    assert (on_dask.fit == on_pandas.fit).all()
    assert (on_dask.positions == on_pandas.positions).all()
    pd.testing.assert_frame_equal(on_dask.clusters, on_pandas.clusters)


#: Articles of the generated archive the engines are compared on, and the sample the clusters are fitted on
#: past SAMPLE: the sampled path at a size a test can afford (the sample size is a parameter). The whole fit
#: runs 5 k-means runs, as fit_topics does by default beyond 10,000 articles.
ARCHIVE, SAMPLE = 2_000, 800


@pytest.mark.slow
def test_archive_same_answers_as_pandas(client, tmp_path, small_blocks):
    """The issue's check on a generated archive (many partitions): identical tags and pairs, labels ARI >=
    0.95 at the same k and random_state, whole fit and sample-fit-then-assign alike."""
    from analysis.datasets import write_jsonl_chunked

    path = write_jsonl_chunked(tmp_path / "news.jsonl", ARCHIVE, chunk=500)
    corpus = load_corpus(path)
    cache = cache_corpus_dask(path, cache_dir=tmp_path / "cache", client=client)
    ddf = cache_frame(cache)
    assert ddf.npartitions > 1 and len(corpus) == cache.n_articles == ARCHIVE
    pd.testing.assert_frame_equal(tag_frequency(parsed_tags(ddf)), tag_frequency(corpus))
    pd.testing.assert_frame_equal(tag_cooccurrence(parsed_tags(ddf)), tag_cooccurrence(corpus))
    whole = adjusted_rand_score(
        fit_topics(corpus, k=20, random_state=0, n_runs=5).labels,
        fit_topics_dask(ddf, k=20, random_state=0, n_runs=5).labels,
    )
    assert whole >= 0.95
    sampled = fit_cached(cache, k=20, random_state=0, sample_size=SAMPLE)
    on_dask = fit_topics_dask(ddf, k=20, random_state=0, sample_size=SAMPLE)
    assert adjusted_rand_score(sampled.labels, on_dask.labels) >= 0.95
    hidden = corpus["topic"].to_numpy()
    assert adjusted_rand_score(hidden, on_dask.labels) > 0.9  # the 20 generated topics are found


def _kill_one_worker_while(client, work) -> tuple[object, bool]:
    """Run ``work()`` in a thread; SIGKILL one worker process as soon as a task is running."""
    result: dict = {}
    thread = threading.Thread(target=lambda: result.update(value=_catch(work)))
    thread.start()
    pids = client.run(os.getpid)
    killed_mid_run = False
    deadline = time.monotonic() + 120
    while thread.is_alive() and time.monotonic() < deadline:
        busy = [w for w, tasks in client.processing().items() if tasks]
        if busy:
            os.kill(pids[busy[0]], signal.SIGKILL)
            killed_mid_run = thread.is_alive()
            break
        time.sleep(0.05)
    thread.join(300)
    return result.get("value"), killed_mid_run


def _catch(work):
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - returned to the test thread
        return exc


def test_worker_killed_mid_run_the_run_completes(bbc_path, tmp_path, small_blocks):
    expected = load_corpus(bbc_path)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=":0", silence_logs=50
        ) as cluster,
        Client(cluster) as c,
    ):
        got, killed = _kill_one_worker_while(
            c, lambda: load_corpus_dask(bbc_path, cache_dir=tmp_path, client=c).compute()
        )
    assert killed
    assert isinstance(got, pd.DataFrame), got
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))


def test_worker_killed_with_no_retries_fails_with_one_clear_message(
    bbc_path, tmp_path, small_blocks
):
    import dask

    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=":0", silence_logs=50
        ) as cluster,
        Client(cluster) as c,
    ):
        got, killed = _kill_one_worker_while(
            c, lambda: load_corpus_dask(bbc_path, cache_dir=tmp_path, client=c)
        )
    assert killed
    assert isinstance(got, DaskEngineError), got
    assert "the Dask cluster failed while" in str(got)
    assert not list(tmp_path.glob("*/meta.json"))  # no half-built cache is left to be found


def _report_on_both_engines(client, path: Path, tmp_path: Path, *options: str) -> dict[str, str]:
    """The report of ``path`` built with ``--engine pandas`` and with ``--engine dask`` (on ``client``'s
    cluster, or on a LocalCluster the command starts when ``client`` is None), through the command line."""
    threads = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    # As a user's shell has it: the LocalCluster of this test process set these to 1 in its environment.
    env = {name: value for name, value in os.environ.items() if name not in threads}
    env["SOURCE_DATE_EPOCH"] = "0"
    pages = {}
    for engine in ("pandas", "dask"):
        out = tmp_path / engine / f"{path.stem}.html"
        command = [sys.executable, "-m", "analysis", "report", str(path), "-o", str(out)]
        command += ["--engine", engine, *options] + (["-q"] if engine == "pandas" else [])
        if engine == "dask" and client is not None:
            command += ["--scheduler", client.scheduler.address]
        proc = subprocess.run(
            command,
            check=False,
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            timeout=900,
            env=env,
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        if engine == "dask":  # where the work runs, and the dashboard
            where = f"scheduler {client.scheduler.address}" if client else "a local cluster of"
            assert f"Dask: {where}" in proc.stderr and "dashboard http" in proc.stderr
        page = out.read_text(encoding="utf-8")
        # Everything but the provenance, which names the engine (and Dask's versions on the Dask engine).
        made, provenance = page.split('id="provenance"')
        assert f"<td>engine</td><td>{engine}</td>" in provenance
        pages[engine] = made
    return pages


@pytest.mark.slow
def test_small_corpus_report_is_the_same_on_both_engines(tmp_path):
    """Under the sample size, with k chosen from the data, the command starting its own LocalCluster (whose
    nannies set one BLAS thread in the command's environment): the same bytes from both engines, because
    the report kernel always runs one BLAS/OpenMP thread, so floating-point sums agree to the last bit."""
    from analysis.datasets import write_jsonl_chunked

    path = write_jsonl_chunked(tmp_path / "small.jsonl", 200)
    pages = _report_on_both_engines(None, path, tmp_path)
    assert pages["dask"] == pages["pandas"]


@pytest.mark.slow
def test_large_archive_report_is_bounded_and_the_same_on_both_engines(
    client, archive_report, tmp_path, capfd
):
    """Past the sample size, end to end (the plan, papermill, export): the report samples what it draws and
    reads and says so, links the full article table, keeps "Over time" (dates from the cache), holds no
    script, and the Dask engine on an existing cluster (``--scheduler``) writes the very same bytes as the
    pandas engine (the session's archive report), saying where the work ran."""
    from analysis.publish import build_report

    n = ARCHIVE_ARTICLES
    out = tmp_path / "archive.html"
    options = {**ARCHIVE_OPTIONS, "progress": True}
    address = client.scheduler.address
    build_report(
        [archive_report / "archive.jsonl"], output=out, engine="dask", scheduler=address, **options
    )
    said = capfd.readouterr().err
    assert f"Dask: scheduler {address}; dashboard http" in said, said[-2000:]  # where the work ran
    on_pandas = archive_report / "report"
    for folder in (on_pandas, tmp_path):
        table = pd.read_csv(folder / "archive-articles.csv")
        assert len(table) == n and table["id"].is_unique
        assert sorted(p.name for p in folder.iterdir()) == [
            "archive-articles.csv",
            "archive.html",
            "archive.state.npz",
        ]
    page = (on_pandas / "archive.html").read_text(encoding="utf-8")
    # the same bytes but for the provenance, which names the engine (and Dask's versions on Dask)
    made = out.read_text(encoding="utf-8").split('id="provenance"')[0]
    assert made == page.split('id="provenance"')[0]
    assert len(page.encode()) < 2_000_000 and "<script" not in page
    assert f"{n:,} articles" in page
    sizes = ARCHIVE_OPTIONS["sizes"]
    assert f"a random sample of {sizes['map_points']} of the {n:,} articles" in page  # the map
    # people, quotes, what changed
    assert f"a random sample of {sizes['text_sample']} of the {n:,} articles" in page
    assert 'href="archive-articles.csv"' in page
    assert 'id="over-time"' in page and f"{n:,} of the {n:,} articles are dated" in page


def test_sampled_fit_leaves_out_boilerplate_as_pandas_does(client, tmp_path):
    """Beyond the sample size, the Dask fit finds each outlet's promo on the sample and strips it from every
    article, as the pandas fit on the cache does: same clusters, and no promo word among the topic terms."""
    import json

    from analysis.datasets import make_export

    path = tmp_path / "export.jsonl"
    records = make_export(240, boilerplate=True, tags=False)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    pandas_cache = cache_corpus(path, cache_dir=tmp_path / "p")
    dask_cache = cache_corpus_dask(path, cache_dir=tmp_path / "d", client=client)
    options = {"k": 4, "random_state": 0, "sample_size": 120}
    on_pandas = fit_cached(pandas_cache, **options)
    on_dask = fit_topics_dask(cache_frame(dask_cache), **options)
    assert adjusted_rand_score(on_pandas.labels, on_dask.labels) == 1.0
    terms = {t for ts in on_dask.clusters["terms"] for t in ts}
    furniture = {"ledger", "courier", "subscribe", "podcast", "puzzle", "copyright", "newsletters"}
    assert not terms & furniture, terms


def test_story_groups_are_signed_on_the_workers_with_the_pandas_ids(client, tmp_path, small_blocks):
    """Copies of one story found from per-partition MinHash signatures: the same group ids as pandas."""
    import json

    from analysis.compare.stories import story_groups_from_batches
    from analysis.dask import story_groups_dask

    body = " ".join(f"word{i} of the agency story about the frigate order" for i in range(12))
    records = [
        {
            "title": f"Story {i}",
            "body": f"Distinct report number {i} " + " ".join(f"w{i}x{j}" for j in range(60)),
        }
        for i in range(3000)
    ]
    for j, outlet in enumerate(["Ledger", "Courier", "Metro"]):
        records[700 * j + 5] = {
            "title": f"Frigate order ({outlet})",
            "body": body,
            "publisher": outlet,
        }
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    cache = cache_corpus_dask(path, cache_dir=tmp_path / "d", client=client)
    ddf = cache_frame(cache)
    assert ddf.npartitions > 1
    on_dask = story_groups_dask(ddf)
    on_pandas = story_groups_from_batches(cache.iter_batches(["title", "body"]), cache.n_articles)
    assert (on_dask == on_pandas).all()
    assert len(set(on_dask[[5, 705, 1405]])) == 1 and len(set(on_dask)) == 2998
    # The report's way: the signatures kept in the parts when the blocks were parsed on the workers.
    from analysis.compare.stories import stored_signatures
    from analysis.corpus.cache.store import SIGNATURE_COLUMN, read_part_frame
    from analysis.dask.engine import cached_story_groups_dask

    assert all(
        stored_signatures(read_part_frame(path, [SIGNATURE_COLUMN], (), start)) is not None
        for path, start in cache.part_tasks()
    )
    assert (cached_story_groups_dask(cache) == on_pandas).all()


def test_each_blocks_first_line_is_counted_as_its_lines_are_cut(tmp_path, monkeypatch):
    """The line offsets found as the file is read once (each block's task submitted at once) are the
    line ends of the blocks before it as _whole_lines cuts them: lines longer than a block, blank lines,
    a last line with or without its line end, files of one block (never cut)."""
    import random

    from analysis.dask import build

    monkeypatch.setattr(store, "CHUNK_BYTES", 64)
    rng = random.Random(0)
    for trial in range(200):
        lines = [
            "x" * rng.choice([0, 1, 5, 63, 64, 65, 150, 300]) for _ in range(rng.randint(1, 30))
        ]
        text = "\n".join(lines) + rng.choice(["", "\n", "\n\n"])
        files = []
        for name, body in (("a", text), ("b", text[::-1]), ("c", "short\n")):
            path = tmp_path / f"{name}{trial}.jsonl"
            path.write_text(body, encoding="utf-8")
            files.append((str(path), path.name, str(path)))
        blocks = build._blocks(files)
        expected, seen = [], {}
        for name, _, _, start, end in blocks:
            expected.append(seen.get(name, 0))
            lines_in = build._whole_lines(name, start, end).count(b"\n") if end is not None else 0
            seen[name] = seen.get(name, 0) + lines_in
        assert list(build._first_lines(blocks)) == expected, text
        assert any(end is not None for *_, end in blocks) or len(text) <= 64


def test_people_and_quotes_given_to_the_cluster_read_as_in_one_process(client, monkeypatch):
    """Within ``mapped_by(task_mapper())`` (how the Dask engine's report reads its text sample) the
    per-article reading runs as tasks on the cluster's workers, not on processes started beside them, and
    gives the same people and quotations as one process (the seed's articles, read in parts as a sample of
    PARALLEL_FROM articles would be)."""
    from distributed import get_task_stream

    from analysis.dask.engine import task_mapper
    from analysis.parallel import mapped_by, one_process

    quotes = importlib.import_module("analysis.extract.quotes")  # the module, not the function
    monkeypatch.setattr(quotes, "PARALLEL_FROM", 2)  # the seed: 9 pages
    corpus = load_corpus(PROJECT_ROOT / "seeds")
    with one_process():
        alone = quotes.people_and_quotes(corpus, progress=False)
    with get_task_stream(client) as stream, mapped_by(task_mapper()):
        on_cluster = quotes.people_and_quotes(corpus, progress=False)
    assert sum("_read_articles" in task["key"] for task in stream.data) >= 2
    for mine, theirs in zip(on_cluster, alone, strict=True):
        pd.testing.assert_frame_equal(mine, theirs)
    assert len(alone[1]) > 50  # the seed's quotations were read


def test_only_a_cluster_started_for_the_run_has_its_workers_restarted(client, tmp_path):
    """After parsing and after the report's last Dask work, the workers of the cluster the run started are
    restarted (fresh processes, what the old ones held given back); a cluster given by address is never
    touched, parsing on it included."""
    from analysis.dask.client import dask_session, restart_session_workers
    from analysis.datasets import write_jsonl_chunked

    path = write_jsonl_chunked(tmp_path / "news.jsonl", 50)
    pids = client.run(os.getpid)
    assert restart_session_workers(client) is False
    cache_corpus_dask(path, cache_dir=tmp_path / "given", client=client)
    assert client.run(os.getpid) == pids
    with dask_session(None, progress=False) as address, Client(address) as own:  # current here
        for step in ("parse", "restart"):
            before = set(own.run(os.getpid).values())
            if step == "parse":
                cache_corpus_dask(path, cache_dir=tmp_path / "own", client=own)
            else:
                assert restart_session_workers(own) is True
            own.wait_for_workers(2, timeout=60)
            after = set(own.run(os.getpid).values())
            assert len(after) == 2 and not before & after, step


def test_a_restart_that_times_out_leaves_the_run_going(tmp_path, monkeypatch):
    """Restarting a run's own workers is housekeeping: when the restart times out, the parse still
    finishes (its workers hand memory back instead) and the cluster stays marked as the run's own."""
    from analysis.dask.client import SESSION_CLUSTER, dask_session, restart_session_workers
    from analysis.datasets import write_jsonl_chunked

    path = write_jsonl_chunked(tmp_path / "news.jsonl", 50)
    with dask_session(None, progress=False) as address, Client(address) as own:

        def times_out(*args, **kwargs):
            raise TimeoutError("nannies did not answer")

        monkeypatch.setattr(own, "restart", times_out)
        assert restart_session_workers(own) is False
        cache = cache_corpus_dask(path, cache_dir=tmp_path / "cache", client=own)
        assert cache.n_articles == 50
        assert own.get_metadata(SESSION_CLUSTER, default=False) is True


def test_workers_of_a_cluster_started_here_run_without_the_statistical_profiler(client):
    """A LocalCluster the engine starts has its workers' stack sampler off (it took the GIL from the
    report's pure-Python tasks); a cluster given by address keeps its own setting."""
    import dask

    from analysis.dask.client import dask_session

    def profiling() -> bool:
        return bool(dask.config.get("distributed.worker.profile.enabled"))

    assert set(client.run(profiling).values()) == {True}
    with dask_session(None, progress=False) as address, Client(address) as own:
        assert set(own.run(profiling).values()) == {False}
    assert dask.config.get("distributed.worker.profile.enabled") is True  # this process: unchanged


def test_tasks_run_beside_this_process_leave_one_worker_free_and_keep_their_order(client):
    """The text sample's readings, run while this process fits the topics, take one worker fewer than the
    cluster has (on two cores: one worker and this process, not three processes); their results come back
    in the items' order, as without."""
    from analysis.dask.engine import task_mapper

    def span(item):
        import time

        start = time.time()
        time.sleep(0.05)
        return item, start, time.time()

    items = list(range(12))
    beside = task_mapper(beside=True)(span, items, {})
    assert [r[0] for r in beside] == items
    spans = sorted(r[1:] for r in beside)
    assert all(b[0] >= a[1] for a, b in itertools.pairwise(spans))  # one at a time
    spread = task_mapper()(span, items, {})
    assert [r[0] for r in spread] == items

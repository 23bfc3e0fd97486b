"""Two (and four) gloo replicas on 127.0.0.1 (``RANK``/``WORLD_SIZE`` as torchrun sets them, or
``TF_CONFIG``) train as one process given the same global batches; only replica 0 prints and
writes; a dead replica ends the other with an error; ``python -m torchkeras --nproc 2``."""

import json
import os
import sys
import time

import numpy as np
import pytest

import torch.distributed as dist

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import launch  # noqa: E402

pytestmark = pytest.mark.skipif(not dist.is_gloo_available(), reason="torch without gloo")

WORKLOAD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "workloads.py")
TRAINING = ["fit_mlp", "fit_data_parallel", "fit_shuffled", "custom_loop", "linear_classifier"]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The workloads in one process (one replica); started at once, waited for when read."""
    folder = tmp_path_factory.mktemp("one_replica")
    process = launch.start([WORKLOAD, str(folder), *TRAINING], {})
    state = {}

    def results(name):
        if not state:
            [(code, output)] = launch.wait_all([process], 120)
            assert code == 0, output
            state["done"] = True
        return np.load(folder / ("%s_rank0.npz" % name))

    yield results
    launch.wait_all([process], 1)


def _same(actual, expected, atol=1e-5):
    assert set(actual.files) == set(expected.files)
    for key in expected.files:
        np.testing.assert_allclose(actual[key], expected[key], atol=atol, rtol=0, err_msg=key)


def test_four_replicas_train_as_one_process(tmp_path, reference):
    names = ["fit_mlp", "fit_mlp_small_buckets", "custom_loop", "linear_classifier"]
    results = launch.run_replicas([WORKLOAD, str(tmp_path), *names], 4, timeout=240)
    for code, output in results:
        assert code == 0, output
        assert "replicas 4" in output
    for name in names:
        expected = reference("fit_mlp" if name == "fit_mlp_small_buckets" else name)
        for rank in range(4):
            _same(np.load(tmp_path / ("%s_rank%d.npz" % (name, rank))), expected)


def test_two_replicas_train_as_one_process(tmp_path, reference):
    results = launch.run_replicas([WORKLOAD, str(tmp_path), *TRAINING], 2, timeout=120)
    for code, output in results:
        assert code == 0, output
        assert "replicas 2" in output
    for name in ("fit_mlp", "fit_data_parallel", "custom_loop", "linear_classifier"):
        expected = reference("fit_mlp" if name == "fit_data_parallel" else name)
        for rank in (0, 1):
            _same(np.load(tmp_path / ("%s_rank%d.npz" % (name, rank))), expected)
    # Shuffled: other permutations than the one process drew, but the same on both replicas.
    _same(
        np.load(tmp_path / "fit_shuffled_rank0.npz"),
        np.load(tmp_path / "fit_shuffled_rank1.npz"),
        atol=0,
    )
    # Only the chief prints the progress and writes the checkpoint and the CSV log.
    assert "Epoch 2/2" in results[0][1] and "Epoch" not in results[1][1]
    for run in ("fit", "data_parallel"):
        assert sorted(os.listdir(tmp_path / run / "rank0")) == ["ckpt.weights.h5", "log.csv"]
        assert os.listdir(tmp_path / run / "rank1") == []


def _tf_config(rank, world, port):
    workers = ["127.0.0.1:%d" % port] + ["127.0.0.1:%d" % (port + i) for i in range(1, world)]
    config = {"cluster": {"worker": workers}, "task": {"type": "worker", "index": rank}}
    return {
        "TF_CONFIG": json.dumps(config),
        "TK_TEST_RANK": str(rank),
        "TK_TEST_STRATEGY": "MultiWorkerMirroredStrategy",
    }


def test_tf_config_two_workers(tmp_path, reference):
    names = ["custom_loop", "linear_classifier"]
    results = launch.run_replicas(
        [WORKLOAD, str(tmp_path), *names], 2, timeout=120, env_of_rank=_tf_config
    )
    for code, output in results:
        assert code == 0, output
        assert "replicas 2" in output
    for name in names:
        for rank in (0, 1):
            _same(np.load(tmp_path / ("%s_rank%d.npz" % (name, rank))), reference(name))


def test_dead_replica_ends_the_other_with_an_error(tmp_path):
    start = time.monotonic()
    (code0, output0), (code1, _) = launch.run_replicas(
        [WORKLOAD, str(tmp_path), "replica_dies"], 2, timeout=90
    )
    assert code1 == 3
    assert code0 == 0, output0
    assert "UnavailableError" in output0
    assert time.monotonic() - start < 60


def test_a_restarted_job_resumes_from_its_backup(tmp_path):
    interrupted, straight = tmp_path / "interrupted", tmp_path / "straight"
    interrupted.mkdir()
    straight.mkdir()
    (straight / "died").touch()  # this run is never interrupted
    first = launch.run_replicas([WORKLOAD, str(interrupted), "fit_with_backup"], 2, timeout=120)
    assert first[1][0] == 3
    assert first[0][0] != 0 and "UnavailableError" in first[0][1]
    resumed = launch.run_replicas([WORKLOAD, str(interrupted), "fit_with_backup"], 2, timeout=120)
    for code, output in resumed:
        assert code == 0, output
        assert "epoch 1" not in output and "epoch 2" in output and "epoch 3" in output
    for code, output in launch.run_replicas(
        [WORKLOAD, str(straight), "fit_with_backup"], 2, timeout=120
    ):
        assert code == 0, output
    _same(
        np.load(interrupted / "fit_with_backup_rank0.npz"),
        np.load(straight / "fit_with_backup_rank0.npz"),
    )


SCRIPT = """
import os
import tensorflow as tf
strategy = tf.distribute.MirroredStrategy()
ids = strategy.run(lambda: tf.distribute.get_replica_context().replica_id_in_sync_group)
total = strategy.reduce(tf.distribute.ReduceOp.SUM, ids, axis=None)
line = "rank %s of %d sum %d\\n" % (os.environ["RANK"], strategy.num_replicas_in_sync, int(total))
os.write(1, line.encode())  # one write: the two ranks share the pipe
"""


def test_launcher_starts_torchrun(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(SCRIPT)
    process = launch.start(["-m", "torchkeras", "--nproc", "2", str(script)], {}, cwd=tmp_path)
    [(code, output)] = launch.wait_all([process], 120)
    assert code == 0, output
    assert "rank 0 of 2 sum 1" in output and "rank 1 of 2 sum 1" in output

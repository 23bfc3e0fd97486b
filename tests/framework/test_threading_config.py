"""CPU threading defaults and tf.config.threading (torchkeras/framework/threading_config.py)."""

import json
import os
import pathlib
import subprocess
import sys

import pytest
import torch

import torchkeras as tf
from torchkeras.framework import global_state
from torchkeras.framework import threading_config as tc

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _python(code, **env):
    """Runs ``code`` in a fresh interpreter from the checkout; ``(stdout, stderr)``."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT", tc.OPT_OUT_VARIABLE, "OMP_NUM_THREADS")
    }
    environ.update(env, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout, result.stderr


def _spin_count_seen_by_openmp(code, **env):
    """libgomp's ``GOMP_SPINCOUNT`` as it printed it at load (``OMP_DISPLAY_ENV``)."""
    _, err = _python(code, OMP_DISPLAY_ENV="VERBOSE", **env)
    lines = [line for line in err.splitlines() if "GOMP_SPINCOUNT" in line]
    if not lines:
        pytest.skip("torch's OpenMP runtime is not libgomp")
    return lines[-1].split("=")[1].strip().strip("'")


def test_import_before_torch_shortens_openmp_spin():
    assert _spin_count_seen_by_openmp("import torchkeras") == tc.SPIN_COUNT
    assert _spin_count_seen_by_openmp("import torchkeras.keras") == tc.SPIN_COUNT


def test_import_after_torch_or_opted_out_or_users_choice_keeps_openmp_default():
    default = _spin_count_seen_by_openmp("import torch")
    assert default != tc.SPIN_COUNT
    assert _spin_count_seen_by_openmp("import torch, torchkeras") == default
    assert _spin_count_seen_by_openmp("import torchkeras", **{tc.OPT_OUT_VARIABLE: "0"}) == default
    out, _ = _python(
        "import os, torchkeras; print(os.environ.get('GOMP_SPINCOUNT'))", OMP_WAIT_POLICY="ACTIVE"
    )
    assert out.strip() == "None"


def test_set_environment_defaults_rules():
    assert "torch" in sys.modules
    env = {}
    assert tc.set_environment_defaults(env) is False and env == {}  # torch already loaded


def test_cgroup_quota_v2_and_v1(tmp_path, monkeypatch):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "cpu.max").write_text("150000 100000\n")
    (tmp_path / "a" / "b" / "cpu.max").write_text("max 100000\n")
    monkeypatch.setattr(tc, "_cgroup_paths", lambda: [([""], "/a/b")])
    assert tc._cgroup_quota(str(tmp_path)) == 1.5
    (tmp_path / "a" / "cpu.max").write_text("max 100000\n")
    assert tc._cgroup_quota(str(tmp_path)) is None
    v1 = tmp_path / "cpu,cpuacct" / "job"
    v1.mkdir(parents=True)
    (v1 / "cpu.cfs_quota_us").write_text("50000\n")
    (v1 / "cpu.cfs_period_us").write_text("100000\n")
    monkeypatch.setattr(tc, "_cgroup_paths", lambda: [(["cpu", "cpuacct"], "/job")])
    assert tc._cgroup_quota(str(tmp_path)) == 0.5
    (v1 / "cpu.cfs_quota_us").write_text("-1\n")
    assert tc._cgroup_quota(str(tmp_path)) is None


def test_available_cpus_caps_affinity_with_quota(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(tc, "_cgroup_quota", lambda: None)
    assert tc.available_cpus() == 4
    monkeypatch.setattr(tc, "_cgroup_quota", lambda: 1.5)
    assert tc.available_cpus() == 2
    monkeypatch.setattr(tc, "_cgroup_quota", lambda: 0.2)
    assert tc.available_cpus() == 1


@pytest.fixture
def saved_threads():
    threads = torch.get_num_threads()
    state = vars(global_state.PROCESS).copy()
    yield
    torch.set_num_threads(threads)
    vars(global_state.PROCESS).update(state)


def test_apply_thread_defaults_caps_torch_threads(monkeypatch, saved_threads):
    torch.set_num_threads(2)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.delenv(tc.OPT_OUT_VARIABLE, raising=False)
    monkeypatch.setattr(tc, "_affinity_count", lambda: 2)
    monkeypatch.setattr(tc, "_cgroup_quota", lambda: 1.0)
    tc.apply_thread_defaults()
    assert torch.get_num_threads() == 1
    assert global_state.PROCESS.default_intra_op_threads == 1
    torch.set_num_threads(3)  # the user's own choice: kept
    tc.apply_thread_defaults()
    assert torch.get_num_threads() == 3
    torch.set_num_threads(2)
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    tc.apply_thread_defaults()
    assert torch.get_num_threads() == 2


def test_intra_op_threads_map_to_torch(saved_threads):
    threading = tf.config.threading
    assert threading.get_intra_op_parallelism_threads() == 0
    threading.set_intra_op_parallelism_threads(1)
    assert torch.get_num_threads() == 1
    assert threading.get_intra_op_parallelism_threads() == 1
    threading.set_intra_op_parallelism_threads(0)
    assert torch.get_num_threads() == global_state.PROCESS.default_intra_op_threads
    assert threading.get_intra_op_parallelism_threads() == 0
    threading.set_intra_op_parallelism_threads(-1)
    assert torch.get_num_threads() == 1 and threading.get_intra_op_parallelism_threads() == -1
    threading.set_intra_op_parallelism_threads(None)
    assert threading.get_intra_op_parallelism_threads() == 0


def test_inter_op_threads_fixed_once_set():
    out, _ = _python(
        "import torch, torchkeras as tf\n"
        "t = tf.config.threading\n"
        "t.set_inter_op_parallelism_threads(3)\n"
        "t.set_inter_op_parallelism_threads(3)\n"
        "print(torch.get_num_interop_threads(), t.get_inter_op_parallelism_threads())\n"
        "try:\n"
        "    t.set_inter_op_parallelism_threads(2)\n"
        "except RuntimeError as e:\n"
        "    print(type(e).__name__, e)\n"
    )
    assert out.splitlines() == [
        "3 3",
        "RuntimeError Inter op parallelism cannot be modified after initialization.",
    ]


_SEQUENCE = """
import json, sys
import {module} as tf
t = tf.config.threading
out = [t.get_intra_op_parallelism_threads(), t.get_inter_op_parallelism_threads()]
for value in (2, 0, -1, None):
    t.set_intra_op_parallelism_threads(value)
    out.append(t.get_intra_op_parallelism_threads())
for value in (1.5, "2", True):
    t.set_intra_op_parallelism_threads(value)
    try:
        out.append(t.get_intra_op_parallelism_threads())
    except TypeError as error:
        out.append(str(error))
t.set_intra_op_parallelism_threads(0)
t.set_inter_op_parallelism_threads(4)
out.append(t.get_inter_op_parallelism_threads())
print(json.dumps(out))
"""


def test_getters_and_setters_match_tensorflow():
    pytest.importorskip("tensorflow")
    ours, _ = _python(_SEQUENCE.format(module="torchkeras"))
    theirs, _ = _python(_SEQUENCE.format(module="tensorflow"), TF_CPP_MIN_LOG_LEVEL="3")
    assert json.loads(ours) == json.loads(theirs.strip().splitlines()[-1])


def test_python_m_torchkeras_sets_defaults_before_the_scripts_torch_import(tmp_path):
    script = tmp_path / "script.py"
    script.write_text("import torch\nimport tensorflow as tf\n")
    _, err = _python(
        "import runpy, sys\n"
        "sys.argv = ['-m', %r]\n"
        "runpy.run_module('torchkeras', run_name='__main__')\n" % str(script),
        OMP_DISPLAY_ENV="VERBOSE",
    )
    lines = [line for line in err.splitlines() if "GOMP_SPINCOUNT" in line]
    if not lines:
        pytest.skip("torch's OpenMP runtime is not libgomp")
    assert lines[-1].split("=")[1].strip().strip("'") == tc.SPIN_COUNT

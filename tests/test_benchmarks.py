"""The benchmark suite's smoke mode (benchmarks/): it runs, never timed here."""

import pathlib
import re
import subprocess
import sys
import types

import pytest

from benchmarks import run, workloads

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _run(args):
    return subprocess.run(
        [sys.executable, *args, "--smoke", "--no-tf"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_smoke_runs_every_workload():
    result = _run(["-m", "benchmarks"])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("benchmarks (smoke: tiny sizes, figures meaningless) on ")
    assert lines[1].split() == ["workload", "unit", "torch", "torchkeras", "ratio", "target", "met"]
    rows = {line.split()[0]: line.split() for line in lines[2 : 2 + len(workloads.names())]}
    assert sorted(rows) == workloads.names()
    assert {"eager_ops", "linear_tape", "memory"} <= set(rows)
    for name in ("eager_ops", "linear_tape"):
        assert re.fullmatch(r"\d+\.\d\dx", rows[name][4]) and rows[name][6] in ("yes", "NO")
    assert rows["memory"][1] == "MiB" and rows["memory"][4] == "-"
    assert {"custom_layer_fit", "mlp_fit_jit", "mlp_fit_memory"} <= set(rows)
    assert (
        re.fullmatch(r"\d+\.\d\d", rows["mlp_fit_memory"][2])
        and float(rows["mlp_fit_memory"][2]) > 0
    )
    assert re.fullmatch(r"\d+\.\d\dx", rows["mlp_fit_memory"][4])


def test_script_form_and_selection():
    result = _run(["benchmarks/run.py", "eager_ops"])
    assert result.returncode == 0, result.stderr
    assert re.search(r"^eager_ops +ms ", result.stdout, re.M)
    assert not re.search(r"^linear_tape ", result.stdout, re.M)


def test_unknown_workload_is_refused():
    with pytest.raises(ValueError, match="^unknown workload 'nope'; known: (.*, )?eager_ops, "):
        run.parse_args(["nope"])


def test_every_workload_declares_its_interface():
    for name in workloads.names():
        module = workloads.load(name)
        assert module.UNIT in ("ms", "MiB", "x") and module.REPEATS >= 1 and module.DESCRIPTION
        assert callable(module.torch_version) and callable(module.tf_version)


def test_table_layout():
    timed = types.SimpleNamespace(UNIT="ms", TARGET=1.3)
    memory = types.SimpleNamespace(UNIT="MiB", TARGET=None, LIMIT=1.0)
    peak = types.SimpleNamespace(UNIT="MiB", TARGET=1.1)
    text = run.table(
        [
            ("a", timed, {"torch": 2.0, "torchkeras": 3.0}, 20.0),
            ("m", memory, {"torch": 0.0, "torchkeras": 2.5}, None),
            ("p", peak, {"torch": 400.0, "torchkeras": 420.0}, 800.0),
        ],
        with_tf=True,
    )
    lines = [line.split() for line in text.splitlines()]
    assert lines[1] == ["a", "ms", "2.00", "3.00", "1.50x", "<=1.3x", "NO", "20.00", "10.00x"]
    assert lines[2] == ["m", "MiB", "+0.00", "+2.50", "-", "<1", "MiB", "NO", "-", "-"]
    assert lines[3] == ["p", "MiB", "400.00", "420.00", "1.05x", "<=1.1x", "yes", "800.00", "2.00x"]


def test_threads_option_pins_every_workload():
    result = _run(["-m", "benchmarks", "mlp_fit", "eager_ops", "--threads", "1"])
    assert result.returncode == 0, result.stderr
    legend = [
        line for line in result.stdout.splitlines() if line.startswith(("mlp_fit ", "eager_ops "))
    ][-2:]
    assert all(line.endswith("1 thread, CPU time)") for line in legend), legend


def test_fit_under_load_stops_its_busy_processes_and_reports():
    from benchmarks.workloads import fit_under_load

    with fit_under_load.BusyProcesses(2) as busy:
        processes = list(busy.processes)
        assert [p.poll() for p in processes] == [None, None]
    assert all(p.poll() is not None for p in processes)
    with pytest.raises(KeyError):
        with fit_under_load.BusyProcesses(1) as busy:
            processes = list(busy.processes)
            raise KeyError("the timed epoch failed")
    assert processes[0].poll() is not None
    text = fit_under_load.report(
        {
            "torch": {"0": 100.0, "1": 500.0, "2": 900.0},
            "torchkeras": {"0": 100.0, "1": 150.0, "2": 260.0},
            "tensorflow": {"0": 200.0, "1": 300.0, "2": 400.0},
        }
    )
    lines = text.splitlines()
    assert lines[1].split() == ["torch", "100", "500", "(5.00x)", "900", "(9.00x)"]
    assert lines[-2] == "torchkeras with 1 busy process <= 2x its idle epoch: yes (1.50x)"
    assert lines[-1] == "torchkeras with 1 busy process no slower than TF: yes (150 ms vs 300 ms)"

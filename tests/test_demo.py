"""``python -m torchkeras.demo`` and the examples it runs."""

import pathlib
import re
import subprocess
import sys

import pytest

from torchkeras import demo


ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_demo_runs_every_example_without_warnings():
    # -W error::UserWarning: an example that makes Keras warn (e.g. fit(shuffle=True) on a
    # tf.data.Dataset) fails the demo.
    # ~80 s of CPU; the wall-clock limit leaves room for a loaded machine.
    result = subprocess.run(
        [sys.executable, "-W", "error::UserWarning", "-m", "torchkeras.demo"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.startswith("torchkeras 2.21.0 (TensorFlow API) on torch, default device ")
    for title, script, _ in demo.EXAMPLES:
        assert "=== %s: torchkeras/examples/%s" % (title, script) in out
        assert "ok      %s (" % title in out
    assert "Loss at step 39: " in out
    assert "Accuracy (prediction > 0.5): 0.99" in out


def test_demo_reports_a_failing_example(tmp_path, monkeypatch, capsys):
    (tmp_path / "good.py").write_text("import sys\nprint('args', sys.argv[1:])\n")
    (tmp_path / "bad.py").write_text("raise ValueError('broken example')\n")
    monkeypatch.setattr(demo, "EXAMPLES_DIR", tmp_path)
    monkeypatch.setattr(
        demo, "EXAMPLES", [("good one", "good.py", ["--x", "1"]), ("bad one", "bad.py", [])]
    )
    assert demo.main() == 1
    captured = capsys.readouterr()
    assert "args ['--x', '1']" in captured.out
    assert "ok      good one (" in captured.out
    assert "FAILED  bad one: broken example" in captured.out
    assert "ValueError: broken example" in captured.err


def test_demo_runs_only_the_named_examples(tmp_path, monkeypatch, capsys):
    (tmp_path / "one.py").write_text("print('ran one')\n")
    (tmp_path / "two.py").write_text("print('ran two')\n")
    monkeypatch.setattr(demo, "EXAMPLES_DIR", tmp_path)
    monkeypatch.setattr(demo, "EXAMPLES", [("first", "one.py", []), ("second", "two.py", [])])
    assert demo.main(["two"]) == 0
    out = capsys.readouterr().out
    assert "ran two" in out and "ran one" not in out and "ok      second (" in out
    assert demo.main(["three", "one"]) == 2
    assert "torchkeras.demo: unknown example three; choose from one, two" in capsys.readouterr().err


def test_linear_classifier_example_saves_its_plots(tmp_path):
    pytest.importorskip("matplotlib")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "torchkeras.examples.linear_classifier",
            str(tmp_path),
            "--steps",
            "5",
            "--seed",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [
        re.fullmatch(r"Loss at step (\d+): \d+\.\d{4}", line).group(1) for line in lines[:5]
    ] == ["0", "1", "2", "3", "4"]
    assert re.fullmatch(r"Accuracy \(prediction > 0\.5\): \d\.\d{3}", lines[5])
    for name in ("predictions.png", "decision_line.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG")
        assert "Saved %s" % (tmp_path / name) in result.stdout


def test_quick_start_block_and_ci_agree():
    root = ROOT
    readme = (root / "README.md").read_text()
    assert readme.startswith("## Quick start\n")
    block = readme.split("```bash\n", 1)[1].split("```", 1)[0].splitlines()
    assert block == [
        "pip install -c constraints.txt -e . && python -m torchkeras.demo",
        'pip install -c constraints.txt -e ".[test]" && python -m pytest',
    ]
    ci = (root / ".ci" / "run").read_text().splitlines()
    assert "set -euo pipefail" in ci and block[1] in ci

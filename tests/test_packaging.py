"""The installed package (a wheel, not the source checkout) carries the demo's examples and
their data: build a wheel offline, install it in a fresh venv that takes torch/NumPy from
the system site, and run ``python -m torchkeras.demo`` there."""

import importlib.util
import pathlib
import shutil
import subprocess
import sys
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """A wheel built offline from a copy of the package sources (the checkout stays clean)."""
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is needed to build the wheel without network access")
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "torchkeras",
        source / "torchkeras",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    out = tmp_path_factory.mktemp("wheel")
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(out),
            str(source),
        ],
        timeout=120,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return next(out.glob("torchkeras_tf-*.whl"))


def test_wheel_holds_the_examples_and_their_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for script in (
        "demo.py",
        "examples/__init__.py",
        "examples/digits_mlp.py",
        "examples/linear_classifier.py",
        "examples/data/digits.csv.gz",
    ):
        assert "torchkeras/" + script in names


@pytest.mark.slow
def test_demo_runs_from_an_installed_wheel(wheel, tmp_path):
    venv = tmp_path / "venv"
    made = _run(
        [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
        timeout=120,
    )
    if made.returncode != 0:
        pytest.skip("python -m venv does not work here: " + made.stderr.strip()[-300:])
    python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    installed = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        timeout=120,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    where = _run(
        [str(python), "-c", "import torchkeras; print(torchkeras.__file__)"],
        cwd=tmp_path,
        timeout=120,
    )
    assert where.returncode == 0, where.stderr
    assert pathlib.Path(where.stdout.strip()).is_relative_to(venv)
    demo = _run(
        [str(python), "-W", "error::UserWarning", "-m", "torchkeras.demo", "linear_classifier"],
        cwd=tmp_path,
        timeout=120,
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "ok      3.5.4 linear classifier in pure TF (GradientTape) (" in demo.stdout
    # The digits example reads the data shipped in the wheel (two epochs keep it brief; the
    # whole demo runs in test_demo.py from the checkout).
    digits = _run(
        [
            str(python),
            "-W",
            "error::UserWarning",
            "-m",
            "torchkeras.examples.digits_mlp",
            "--epochs",
            "2",
            "--verbose",
            "0",
        ],
        cwd=tmp_path,
        timeout=120,
    )
    assert digits.returncode == 0, digits.stdout + digits.stderr
    assert "epochs run: 2, test accuracy: " in digits.stdout

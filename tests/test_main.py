"""``python -m torchkeras SCRIPT.py [args...]`` (torchkeras/__main__.py)."""

import subprocess
import sys
import textwrap

from torchkeras.__main__ import main

SCRIPT = """
import sys
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
import keras as keras2
from keras import layers as layers2
import helper_module_beside_the_script
import torchkeras
import torchkeras.keras.layers
assert tf is torchkeras and keras is torchkeras.keras and keras2 is torchkeras.keras
assert layers is layers2 is torchkeras.keras.layers
if __name__ == "__main__":
    print("argv", sys.argv)
    print("helper", helper_module_beside_the_script.VALUE)
    print(tf.matmul(tf.ones((2, 2)), tf.ones((2, 2))))
    sys.exit(int(sys.argv[-1]))
"""


def _run(args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "torchkeras", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_runs_unmodified_script_as_main(tmp_path):
    folder = tmp_path / "scripts"
    folder.mkdir()
    (folder / "train.py").write_text(SCRIPT)
    (folder / "helper_module_beside_the_script.py").write_text("VALUE = 42\n")
    result = _run([str(folder / "train.py"), "--epochs", "3", "7"], cwd=tmp_path)
    assert result.returncode == 7, result.stderr  # the script's exit status
    assert result.stdout.splitlines() == [
        "argv %r" % [str(folder / "train.py"), "--epochs", "3", "7"],
        "helper 42",
        "tf.Tensor(",
        "[[2. 2.]",
        " [2. 2.]], shape=(2, 2), dtype=float32)",
    ]


def test_script_exception_gives_traceback(tmp_path):
    (tmp_path / "bad.py").write_text(
        textwrap.dedent("""
        import tensorflow as tf
        raise ValueError("from the script")
    """)
    )
    result = _run(["bad.py"], cwd=tmp_path)
    assert result.returncode == 1
    assert 'bad.py", line 3' in result.stderr and "ValueError: from the script" in result.stderr


def test_usage_and_missing_file(capsys):
    assert main([]) == 2
    assert capsys.readouterr().err == (
        "usage: python -m torchkeras SCRIPT.py [args...]\n"
        "       python -m torchkeras --nproc N [TORCHRUN_OPTIONS] SCRIPT.py [args...]\n"
    )
    assert main(["--help"]) == 0
    assert main(["nope.py"]) == 2
    assert "can't open file 'nope.py': No such file or directory" in capsys.readouterr().err

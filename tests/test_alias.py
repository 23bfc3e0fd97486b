"""The ``tensorflow`` / ``keras`` import alias (torchkeras/_alias.py).

Each test runs in a fresh interpreter: the alias changes ``sys.meta_path`` and
``sys.modules`` for the whole process."""

import subprocess
import sys
import textwrap


def _run(code):
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=300
    )


def test_alias_gives_the_same_module_objects():
    result = _run("""
        import sys
        import torchkeras
        torchkeras.enable_tensorflow_alias()
        torchkeras.enable_tensorflow_alias()  # idempotent
        import tensorflow as tf
        from tensorflow import keras
        import keras as k2
        import tensorflow.keras.utils
        from keras import losses
        from tensorflow.keras import layers
        import keras.metrics
        import torchkeras.keras.losses, torchkeras.keras.utils, torchkeras.keras.metrics
        import torchkeras.keras.layers
        assert tf is torchkeras
        assert keras is torchkeras.keras and k2 is torchkeras.keras
        assert tensorflow.keras.utils is torchkeras.keras.utils
        assert losses is torchkeras.keras.losses and layers is torchkeras.keras.layers
        assert sys.modules["keras.metrics"] is torchkeras.keras.metrics
        # the shared modules keep their own identity
        assert tf.__name__ == "torchkeras" and tf.__spec__.name == "torchkeras"
        assert keras.__spec__.name == "torchkeras.keras"
        from tensorflow.config import experimental
        assert experimental is torchkeras.config.experimental
        try:
            import tensorflow.no_such_module
        except ModuleNotFoundError as e:
            print("missing:", e.name)
        try:
            import json, not_installed_anywhere_xyz
        except ModuleNotFoundError as e:
            print("missing:", e.name)
        print("ok")
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "missing: torchkeras.no_such_module",
        "missing: not_installed_anywhere_xyz",
        "ok",
    ]


def test_refuses_when_real_module_already_imported():
    result = _run("""
        import sys, types
        sys.modules["keras"] = types.ModuleType("keras")
        import torchkeras
        try:
            torchkeras.enable_tensorflow_alias()
        except RuntimeError as e:
            print(e)
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "enable_tensorflow_alias(): the real 'keras' is already imported in this process; "
        "call it before importing keras"
    )

"""Global state lives in one place, per thread where TF and Keras keep it per thread."""

import threading

import pytest

import torchkeras as tf
from torchkeras import keras
from torchkeras.framework import global_state


def _in_thread(fn):
    out = {}

    def run():
        out["value"] = fn()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out["value"]


@pytest.fixture(autouse=True)
def _fresh_state():
    yield
    keras.backend.clear_session()
    tf.config.run_functions_eagerly(False)


def test_dtype_policy_is_per_thread_as_keras():
    keras.mixed_precision.set_global_policy("mixed_float16")
    assert keras.mixed_precision.global_policy().name == "mixed_float16"
    assert _in_thread(lambda: keras.mixed_precision.global_policy().name) == "float32"


def test_clear_session_resets_the_dtype_policy_as_keras():
    keras.mixed_precision.set_global_policy("mixed_float16")
    keras.backend.clear_session()
    assert keras.mixed_precision.global_policy().name == "float32"


def test_name_scopes_and_automatic_names_are_per_thread():
    keras.backend.clear_session()
    with keras.name_scope("outer"):
        inner_path = _in_thread(lambda: keras.Variable(1.0, name="v").path)
        assert keras.Variable(1.0, name="v").path == "outer/v"
    assert inner_path == "v"
    assert keras.layers.Dense(1).name == "dense"
    assert _in_thread(lambda: keras.layers.Dense(1).name) == "dense"
    assert keras.layers.Dense(1).name == "dense_1"


def test_custom_object_scopes_are_per_thread():
    marker = object()
    with keras.saving.custom_object_scope({"Marker": marker}):
        assert keras.saving.get_registered_object("Marker") is marker
        assert _in_thread(lambda: keras.saving.get_registered_object("Marker")) is None


def test_device_scope_is_per_thread_and_default_is_shared():
    default = global_state.PROCESS.default_device
    with tf.device("/CPU:0"):
        assert global_state.PER_THREAD.device_stack
        assert _in_thread(lambda: list(global_state.PER_THREAD.device_stack)) == []
        assert _in_thread(lambda: tf.constant(1.0)._value.device) == default
    assert global_state.PER_THREAD.device_stack == []


def test_run_functions_eagerly_is_process_wide_as_tf():
    tf.config.run_functions_eagerly(True)
    assert _in_thread(tf.config.functions_run_eagerly) is True


def test_keras_style_attribute_interface():
    assert global_state.get_global_attribute("dtype_policy") is None
    global_state.set_global_attribute("my_flag", 3)
    assert global_state.get_global_attribute("my_flag") == 3
    assert _in_thread(lambda: global_state.get_global_attribute("my_flag", "unset")) == "unset"
    assert global_state.get_global_attribute("other", 5, set_to_default=True) == 5
    assert global_state.PER_THREAD.attributes["other"] == 5
    keras.backend.clear_session()
    assert global_state.get_global_attribute("my_flag") is None


def test_keras_oracle_agrees_on_thread_locality():
    real_tf = pytest.importorskip("tensorflow")
    if real_tf.__name__ != "tensorflow":
        pytest.skip("tensorflow is aliased to torchkeras in this process")
    real_keras = real_tf.keras
    real_keras.config.set_dtype_policy("mixed_float16")
    try:
        assert _in_thread(lambda: real_keras.config.dtype_policy().name) == "float32"
    finally:
        real_keras.config.set_dtype_policy("float32")


def test_traceback_filtering_is_per_thread_and_reset_by_clear_session():
    keras.config.disable_traceback_filtering()
    assert _in_thread(keras.config.is_traceback_filtering_enabled) is True
    assert keras.config.is_traceback_filtering_enabled() is False
    keras.backend.clear_session()
    assert keras.config.is_traceback_filtering_enabled() is True


def test_atomic_writes_are_shared_by_keras_and_checkpoints():
    from torchkeras.checkpoint import bundle
    from torchkeras.framework import file_io
    from torchkeras.keras.saving import saving_lib

    assert saving_lib.atomic_write is file_io.atomic_write
    assert bundle.atomic_write_bytes is file_io.atomic_write_bytes

"""tf.summary: event files written through the tensorboard package, read back with its readers."""

import glob
import io
import os
import sys

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.ops import summary_ops

pytest.importorskip("tensorboard")
from tensorboard.backend.event_processing import event_accumulator, event_file_loader  # noqa: E402
from tensorboard.util import tensor_util  # noqa: E402


def events(logdir):
    """Every event of every event file in ``logdir``, file by file in name order."""
    out = []
    for path in sorted(glob.glob(os.path.join(logdir, "events.out.tfevents.*"))):
        out.extend(event_file_loader.EventFileLoader(path).Load())
    return out


def accumulator(logdir):
    acc = event_accumulator.EventAccumulator(logdir, size_guidance={event_accumulator.TENSORS: 0})
    acc.Reload()
    return acc


def values(logdir, tag):
    return [
        (e.step, tensor_util.make_ndarray(e.tensor_proto)) for e in accumulator(logdir).Tensors(tag)
    ]


def test_file_writer_creates_a_v2_event_file_at_once(tmp_path):
    writer = tf.summary.create_file_writer(str(tmp_path / "run"))
    names = os.listdir(tmp_path / "run")
    assert len(names) == 1
    assert names[0].startswith("events.out.tfevents.") and names[0].endswith(".v2")
    assert events(str(tmp_path / "run"))[0].file_version == "brain.Event:2"
    writer.close()


def test_scalar_steps_and_values_read_back(tmp_path):
    writer = tf.summary.create_file_writer(str(tmp_path))
    with writer.as_default():
        for step, value in enumerate([0.5, 0.25, 0.125]):
            assert bool(tf.summary.scalar("loss", value, step=step)) is True
        tf.summary.scalar(
            "var_step", tf.constant(2.0, tf.float64), step=tf.Variable(7, dtype=tf.int64)
        )
    got = values(str(tmp_path), "loss")
    assert [s for s, _ in got] == [0, 1, 2]
    np.testing.assert_allclose([float(v) for _, v in got], [0.5, 0.25, 0.125])
    assert got[0][1].dtype == np.float32
    assert values(str(tmp_path), "var_step")[0][0] == 7
    acc = accumulator(str(tmp_path))
    assert acc.SummaryMetadata("loss").plugin_data.plugin_name == "scalars"


def test_no_writer_returns_false_and_writes_nothing(tmp_path):
    result = tf.summary.scalar("x", 1.0, step=0)
    assert isinstance(result, tf.Tensor) and result.dtype == tf.bool and not bool(result)
    assert not bool(tf.summary.should_record_summaries())


def test_step_rules(tmp_path):
    writer = tf.summary.create_file_writer(str(tmp_path))
    assert tf.summary.experimental.get_step() is None
    with writer.as_default():
        with pytest.raises(
            ValueError,
            match=r"No step set\. Please specify one either through the "
            r"`step` argument or through tf\.summary\.experimental\.set_step\(\)",
        ):
            tf.summary.scalar("x", 1.0)
        with writer.as_default(step=5):
            assert tf.summary.experimental.get_step() == 5
            tf.summary.scalar("x", 1.0)
        assert tf.summary.experimental.get_step() is None
        tf.summary.experimental.set_step(9)
        try:
            tf.summary.scalar("x", 2.0)
        finally:
            tf.summary.experimental.set_step(None)
        with pytest.raises(
            ValueError,
            match=r"Argument `step` must be a scalar\. Received step "
            r"with shape \(2,\)\.",
        ):
            tf.summary.scalar("x", 1.0, step=[1, 2])
        with pytest.raises(TypeError, match="Cannot convert 1.5 to EagerTensor of dtype int64"):
            tf.summary.scalar("x", 1.0, step=1.5)
        with pytest.raises(
            ValueError,
            match="Tensor conversion requested dtype int64 for Tensor with dtype float32",
        ):
            tf.summary.scalar("x", 1.0, step=tf.constant(3.0))
    assert [s for s, _ in values(str(tmp_path), "x")] == [5, 9]


def test_record_if_and_should_record(tmp_path):
    writer = tf.summary.create_file_writer(str(tmp_path))
    with writer.as_default(step=0):
        assert bool(tf.summary.should_record_summaries())
        with tf.summary.record_if(False):
            assert not bool(tf.summary.should_record_summaries())
            assert not bool(tf.summary.scalar("off", 1.0))
        counter = {"n": 0}

        def every_other():
            counter["n"] += 1
            return counter["n"] % 2 == 0

        with tf.summary.record_if(every_other):
            written = [bool(tf.summary.scalar("cond", float(i), step=i)) for i in range(4)]
        assert written == [False, True, False, True]
        with tf.summary.record_if(tf.constant(True)):
            assert bool(tf.summary.should_record_summaries())
    assert "off" not in accumulator(str(tmp_path)).Tags()["tensors"]
    assert [s for s, _ in values(str(tmp_path), "cond")] == [1, 3]


def test_set_as_default_flush_and_close(tmp_path):
    writer = tf.summary.create_file_writer(str(tmp_path), flush_millis=10**7)
    writer.init()
    writer.set_as_default(step=3)
    try:
        tf.summary.scalar("a", 1.0)
        tf.summary.flush()
        assert [s for s, _ in values(str(tmp_path), "a")] == [3]
    finally:
        summary_ops._STATE.writer = None  # set_as_default has no undo in TF's API
        tf.summary.experimental.set_step(None)
    writer.close()
    writer.close()
    writer.flush()
    with pytest.raises(RuntimeError, match="is already closed"):
        writer.as_default()
    with pytest.raises(RuntimeError, match="is already closed"):
        writer.init()
    with pytest.raises(ValueError, match="Invalid argument to flush"):
        tf.summary.flush(writer="nope")
    with pytest.raises(ValueError, match="Argument `logdir` cannot be None"):
        tf.summary.create_file_writer(None)


def test_noop_writer_writes_nothing(tmp_path):
    writer = tf.summary.create_noop_writer()
    with writer.as_default(step=1):
        assert not bool(tf.summary.scalar("a", 1.0))
    writer.flush()
    writer.close()
    assert isinstance(writer, tf.summary.SummaryWriter)


def test_histogram_buckets(tmp_path):
    writer = tf.summary.create_file_writer(str(tmp_path))
    with writer.as_default(step=0):
        tf.summary.histogram("h", np.arange(10, dtype=np.float32), buckets=4)
        tf.summary.histogram("same", np.ones(3))
        tf.summary.histogram("empty", np.zeros([0]), buckets=5)
    ((_, h),) = values(str(tmp_path), "h")
    np.testing.assert_allclose(h, [[0, 2.25, 3], [2.25, 4.5, 2], [4.5, 6.75, 2], [6.75, 9, 3]])
    ((_, same),) = values(str(tmp_path), "same")
    assert same.shape == (30, 3) and same[-1, 2] == 3 and same[:-1, 2].sum() == 0
    ((_, empty),) = values(str(tmp_path), "empty")
    assert empty.shape == (5, 3) and not empty.any()
    assert accumulator(str(tmp_path)).SummaryMetadata("h").plugin_data.plugin_name == "histograms"


def test_text_image_audio(tmp_path):
    from PIL import Image

    writer = tf.summary.create_file_writer(str(tmp_path))
    pixels = np.linspace(0, 1, 2 * 3 * 4 * 3, dtype=np.float32).reshape(2, 3, 4, 3)
    clips = np.sin(np.linspace(0, 10, 3 * 50)).reshape(3, 50, 1).astype(np.float32)
    with writer.as_default(step=2):
        tf.summary.text("t", "hello *world*")
        tf.summary.text("t2", tf.constant(["a", "bb"]))
        tf.summary.image("im", tf.constant(pixels), max_outputs=1)
        tf.summary.audio("au", clips, 8000, max_outputs=2)
        with pytest.raises(TypeError, match="tensor must be of type"):
            tf.summary.text("bad", 3)
        with pytest.raises(ValueError):
            tf.summary.image("bad", pixels[0])
    ((_, t),) = values(str(tmp_path), "t")
    assert t.item() == b"hello *world*"
    assert list(values(str(tmp_path), "t2")[0][1]) == [b"a", b"bb"]
    ((_, im),) = values(str(tmp_path), "im")
    assert list(im[:2]) == [b"4", b"3"] and len(im) == 3
    decoded = np.asarray(Image.open(io.BytesIO(im[2])))
    np.testing.assert_array_equal(decoded, (pixels[0] * 255.5).astype(np.uint8))
    ((_, au),) = values(str(tmp_path), "au")
    assert au.shape == (2, 2) and au[0, 1] == b""
    import wave

    with wave.open(io.BytesIO(au[0, 0])) as clip:
        assert (clip.getframerate(), clip.getnchannels(), clip.getsampwidth()) == (8000, 1, 2)
        frames = np.frombuffer(clip.readframes(50), "<i2")
    np.testing.assert_allclose(frames / 32768.0, clips[0, :, 0], atol=1 / 32768)
    tags = accumulator(str(tmp_path)).Tags()["tensors"]
    assert {"t", "t2", "im", "au"} <= set(tags)


def test_write_with_metadata_and_callable(tmp_path):
    from tensorboard.compat.proto import summary_pb2

    metadata = summary_pb2.SummaryMetadata()
    metadata.plugin_data.plugin_name = "custom"
    writer = tf.summary.create_file_writer(str(tmp_path))
    calls = []
    with writer.as_default(step=1):
        tf.summary.write("w", lambda: calls.append(1) or np.arange(3), metadata=metadata)
        with tf.summary.record_if(False):
            tf.summary.write("w", lambda: calls.append(2) or np.arange(3))
    assert calls == [1]
    ((_, w),) = values(str(tmp_path), "w")
    np.testing.assert_array_equal(w, [0, 1, 2])
    assert accumulator(str(tmp_path)).SummaryMetadata("w").plugin_data.plugin_name == "custom"


def test_trace_with_torch_profiler(tmp_path):
    with pytest.raises(
        ValueError, match="Must enable trace before export through tf.summary.trace_on."
    ):
        tf.summary.trace_export("t", step=0)
    tf.summary.trace_on(graph=True, profiler=True, profiler_outdir=str(tmp_path))
    tf.matmul(tf.ones([8, 8]), tf.ones([8, 8]))
    tf.summary.trace_export("t", step=0)
    traces = glob.glob(str(tmp_path / "plugins" / "profile" / "*" / "*.pt.trace.json"))
    assert len(traces) == 1
    import json

    with open(traces[0]) as f:
        assert json.load(f)["traceEvents"]
    tf.summary.trace_on(profiler=True, profiler_outdir=str(tmp_path / "off"))
    tf.summary.trace_off()
    tf.summary.trace_off()
    assert not os.path.exists(tmp_path / "off" / "plugins")


def test_missing_tensorboard_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "tensorboard.summary.writer.event_file_writer", None)
    monkeypatch.setitem(sys.modules, "tensorboard.plugins.scalar.metadata", None)
    assert not bool(tf.summary.scalar("no_writer", 1.0, step=0))  # nothing to write: no import
    with pytest.raises(ImportError, match=r"torchkeras-tf\[tensorboard\]"):
        tf.summary.create_file_writer(str(tmp_path))
    monkeypatch.setitem(sys.modules, "tensorboard", None)
    from torchkeras import keras

    with pytest.raises(ImportError, match=r"torchkeras-tf\[tensorboard\]"):
        keras.callbacks.TensorBoard(str(tmp_path))


def test_namespace_from_registry():
    from torchkeras.api_export import names_of

    assert names_of(tf.summary.scalar) == ["tf.summary.scalar"]
    assert tf.summary.experimental.set_step is summary_ops.set_step
    for name in (
        "create_file_writer",
        "scalar",
        "histogram",
        "image",
        "text",
        "audio",
        "record_if",
        "should_record_summaries",
        "create_noop_writer",
        "SummaryWriter",
        "flush",
        "trace_on",
        "trace_off",
        "trace_export",
        "write",
    ):
        assert name in tf.summary.__all__


def _emit(api, logdir):
    writer = api.summary.create_file_writer(logdir)
    rng = np.random.default_rng(1)
    with writer.as_default(step=4):
        api.summary.scalar("s", 0.3)
        api.summary.scalar("s64", np.float64(1) / 3, step=api.Variable(6, dtype=api.int64))
        api.summary.histogram("h", rng.normal(size=200).astype(np.float32), step=1)
        api.summary.histogram("h7", rng.normal(size=(4, 5)), buckets=7)
        api.summary.histogram("hsame", np.full(4, 2.0))
        api.summary.text("t", ["x", "yz"])
        api.summary.image("im", rng.uniform(-0.2, 1.2, size=(3, 5, 6, 4)).astype(np.float32))
        api.summary.image("im8", rng.integers(0, 256, size=(1, 2, 3, 1)).astype(np.uint8))
        api.summary.audio("au", rng.uniform(-1.1, 1.1, size=(2, 30, 2)).astype(np.float32), 16000)
    writer.close()
    return events(logdir)


def test_events_match_real_tensorflow(tmp_path):
    tf_real = pytest.importorskip("tensorflow")
    from PIL import Image

    ours = _emit(tf, str(tmp_path / "ours"))
    theirs = _emit(tf_real, str(tmp_path / "theirs"))
    assert len(ours) == len(theirs)
    assert ours[0].file_version == theirs[0].file_version
    for mine, real in zip(ours[1:], theirs[1:]):
        assert mine.step == real.step
        (a,), (b,) = mine.summary.value, real.summary.value
        assert a.tag == b.tag and a.metadata == b.metadata
        if b.metadata.plugin_data.plugin_name == "images":
            assert a.tensor.string_val[:2] == b.tensor.string_val[:2]
            for png_a, png_b in zip(a.tensor.string_val[2:], b.tensor.string_val[2:]):
                np.testing.assert_array_equal(
                    np.asarray(Image.open(io.BytesIO(png_a))),
                    np.asarray(Image.open(io.BytesIO(png_b))),
                )
        else:
            assert a.tensor == b.tensor, a.tag

"""Differential tests against real Keras 3.15 for pad_sequences, timeseries_dataset_from_array,
text_dataset_from_directory and image_dataset_from_directory: same arguments, same arrays / batches
(element order compared exactly without shuffling; with shuffling, Keras' file order and split are
reproduced exactly but its tf.data shuffle buffer is not, so each subset is compared as a multiset).
Runs only where TensorFlow is importable (the oracle venv); the image cases need Pillow to write
PNGs."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

from torchkeras import keras  # noqa: E402

RNG = np.random.RandomState(11)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(),
        dict(maxlen=3),
        dict(maxlen=3, truncating="post", padding="post"),
        dict(value=-2, dtype="int64"),
        dict(dtype="float32", value=0.5, maxlen=6),
    ],
)
def test_pad_sequences_equals_keras(kwargs):
    seqs = [list(RNG.randint(1, 9, n)) for n in (0, 1, 4, 5, 2)]
    ours, theirs = (
        keras.utils.pad_sequences(seqs, **kwargs),
        real_keras.utils.pad_sequences(seqs, **kwargs),
    )
    assert ours.dtype == theirs.dtype
    np.testing.assert_array_equal(ours, theirs)


def _elements(dataset):
    return list(dataset.as_numpy_iterator())


def _assert_same_batches(ours, theirs, atol=0.0, rtol=0.0):
    a, b = _elements(ours), _elements(theirs)
    assert len(a) == len(b)
    for x, y in zip(a, b):
        x, y = (x, y) if isinstance(x, tuple) else ((x,), (y,))
        for u, v in zip(x, y):
            u, v = np.asarray(u), np.asarray(v)
            assert u.dtype == v.dtype and u.shape == v.shape
            if u.dtype.kind in "OS":
                assert u.tolist() == v.tolist()
            else:
                np.testing.assert_allclose(u, v, atol=atol, rtol=rtol)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(sequence_length=5),
        dict(sequence_length=3, batch_size=4, sequence_stride=3),
        dict(sequence_length=4, sampling_rate=3, start_index=2, end_index=40),
        dict(sequence_length=2, batch_size=None, start_index=30),
    ],
)
@pytest.mark.parametrize("with_targets", [True, False])
def test_timeseries_equals_keras(kwargs, with_targets):
    data = RNG.randn(50, 3)
    targets = np.arange(50) * 10 if with_targets else None
    _assert_same_batches(
        keras.utils.timeseries_dataset_from_array(data, targets, **kwargs),
        real_keras.utils.timeseries_dataset_from_array(data, targets, **kwargs),
    )


def test_timeseries_shuffled_windows_equal_keras_as_sets():
    data = np.arange(60)
    kwargs = dict(sequence_length=4, batch_size=5, shuffle=True, seed=4)
    ours = sorted(
        w.tolist()
        for b in keras.utils.timeseries_dataset_from_array(data, None, **kwargs).as_numpy_iterator()
        for w in b
    )
    theirs = sorted(
        w.tolist()
        for b in real_keras.utils.timeseries_dataset_from_array(
            data, None, **kwargs
        ).as_numpy_iterator()
        for w in b
    )
    assert ours == theirs


@pytest.fixture(scope="module")
def text_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("texts")
    for label in ("b_neg", "a_pos", "c_mid"):
        (root / label).mkdir()
        for i in range(RNG.randint(2, 6)):
            (root / label / ("t%d.txt" % i)).write_text(
                "%s text number %d, with words" % (label, i) * (i + 1)
            )
    (root / "a_pos" / "skip.csv").write_text("no")
    return str(root)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(),
        dict(batch_size=3, label_mode="categorical"),
        dict(max_length=9),
        dict(labels=None),
        dict(class_names=["c_mid", "a_pos"], label_mode="binary"),
        dict(batch_size=None),
    ],
)
def test_text_dataset_equals_keras(text_dir, kwargs, capsys):
    ours = keras.utils.text_dataset_from_directory(text_dir, shuffle=False, **kwargs)
    ours_out = capsys.readouterr().out
    theirs = real_keras.utils.text_dataset_from_directory(text_dir, shuffle=False, **kwargs)
    assert ours_out == capsys.readouterr().out
    assert ours.class_names == theirs.class_names
    assert ours.element_spec == theirs.element_spec or str(ours.element_spec) == str(
        theirs.element_spec
    )
    _assert_same_batches(ours, theirs)


def _multiset(dataset):
    out = []
    for element in dataset.unbatch().as_numpy_iterator():
        element = element if isinstance(element, tuple) else (element,)
        arrays = [np.asarray(e) for e in element]
        out.append(tuple((a if a.dtype.kind in "OS" else a.round(3)).tobytes() for a in arrays))
    return sorted(out)


@pytest.mark.parametrize("subset", ["training", "validation", "both"])
def test_text_dataset_split_equals_keras(text_dir, subset, capsys):
    kwargs = dict(validation_split=0.3, subset=subset, seed=5, batch_size=2)
    ours = keras.utils.text_dataset_from_directory(text_dir, **kwargs)
    ours_out = capsys.readouterr().out
    theirs = real_keras.utils.text_dataset_from_directory(text_dir, **kwargs)
    assert ours_out == capsys.readouterr().out
    pairs = zip(ours, theirs) if subset == "both" else [(ours, theirs)]
    for a, b in pairs:
        assert _multiset(a) == _multiset(b)


@pytest.fixture(scope="module")
def image_dir(tmp_path_factory):
    image = pytest.importorskip("PIL.Image")
    root = tmp_path_factory.mktemp("images")
    modes = ["RGB", "L", "RGBA", "P", "LA", "1", "I;16", "RGB"]
    for i, mode in enumerate(modes):
        label = ("x", "y")[i % 2]
        (root / label).mkdir(exist_ok=True)
        h, w = RNG.randint(4, 25), RNG.randint(4, 25)
        rgb = RNG.randint(0, 256, (h, w, 3)).astype(np.uint8)
        if mode == "I;16":
            img = image.fromarray(RNG.randint(0, 65536, (h, w)).astype(np.uint16))
        elif mode == "P":
            img = image.fromarray(rgb).convert("P", palette=image.ADAPTIVE, colors=8)
        else:
            img = image.fromarray(rgb).convert(mode)
        img.save(str(root / label / ("%d.png" % i)), interlace=int(i == 7))
    return str(root)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(image_size=(8, 10)),
        dict(image_size=(7, 7), color_mode="grayscale"),
        dict(image_size=(9, 5), color_mode="rgba", crop_to_aspect_ratio=True),
        dict(image_size=(6, 9), pad_to_aspect_ratio=True, label_mode="categorical"),
        dict(image_size=(12, 3), interpolation="nearest", batch_size=3),
        dict(image_size=(30, 31), label_mode="binary", batch_size=None),
        dict(image_size=(5, 5), labels=[0, 1, 2, 0, 1, 2, 0, 1]),
    ],
)
def test_image_dataset_equals_keras(image_dir, kwargs):
    ours = keras.utils.image_dataset_from_directory(
        image_dir, shuffle=False, verbose=False, **kwargs
    )
    theirs = real_keras.utils.image_dataset_from_directory(
        image_dir, shuffle=False, verbose=False, **kwargs
    )
    assert ours.class_names == theirs.class_names and ours.file_paths == theirs.file_paths
    _assert_same_batches(ours, theirs, atol=1e-4, rtol=1e-5)


def test_image_dataset_split_equals_keras(image_dir):
    kwargs = dict(validation_split=0.25, subset="both", seed=8, image_size=(4, 4), verbose=False)
    for a, b in zip(
        keras.utils.image_dataset_from_directory(image_dir, **kwargs),
        real_keras.utils.image_dataset_from_directory(image_dir, **kwargs),
    ):
        assert a.file_paths == b.file_paths
        assert _multiset(a) == _multiset(b)

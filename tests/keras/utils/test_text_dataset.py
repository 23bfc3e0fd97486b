"""keras.utils.text_dataset_from_directory on small generated folders (no TensorFlow needed)."""

import numpy as np
import pytest

from torchkeras import keras


@pytest.fixture
def text_dir(tmp_path):
    for label, texts in (("neg", ["bad one", "awful"]), ("pos", ["great", "fine film", "superb"])):
        (tmp_path / label).mkdir()
        for i, text in enumerate(texts):
            (tmp_path / label / ("%d.txt" % i)).write_text(text)
    (tmp_path / "pos" / "ignored.md").write_text("x")
    (tmp_path / ".hidden").mkdir()
    return tmp_path


def test_inferred_labels_in_sorted_order(text_dir, capsys):
    ds = keras.utils.text_dataset_from_directory(str(text_dir), shuffle=False, batch_size=4)
    assert capsys.readouterr().out == "Found 5 files belonging to 2 classes.\n"
    assert ds.class_names == ["neg", "pos"]
    batches = list(ds.as_numpy_iterator())
    assert batches[0][0].tolist() == [b"bad one", b"awful", b"great", b"fine film"]
    assert batches[0][1].dtype == np.int32 and batches[0][1].tolist() == [0, 0, 1, 1]
    assert batches[1][0].tolist() == [b"superb"]


def test_label_modes_and_max_length(text_dir):
    ds = keras.utils.text_dataset_from_directory(
        str(text_dir), shuffle=False, label_mode="categorical", max_length=3, verbose=False
    )
    texts, labels = next(iter(ds.as_numpy_iterator()))
    assert texts.tolist()[:2] == [b"bad", b"awf"]
    assert labels.dtype == np.float32 and labels[0].tolist() == [1.0, 0.0]
    binary = keras.utils.text_dataset_from_directory(
        str(text_dir), shuffle=False, label_mode="binary", class_names=["pos", "neg"], verbose=False
    )
    texts, labels = next(iter(binary.as_numpy_iterator()))
    assert texts[0] == b"great" and labels.shape == (5, 1) and labels[0, 0] == 0.0
    unlabelled = keras.utils.text_dataset_from_directory(
        str(text_dir), labels=None, shuffle=False, verbose=False
    )
    assert unlabelled.class_names is None and next(iter(unlabelled.as_numpy_iterator())).shape == (
        5,
    )


def test_validation_split_subsets(text_dir, capsys):
    train, val = keras.utils.text_dataset_from_directory(
        str(text_dir), seed=3, validation_split=0.4, subset="both"
    )
    assert capsys.readouterr().out == (
        "Found 5 files belonging to 2 classes.\nUsing 3 files for training.\n"
        "Using 2 files for validation.\n"
    )
    texts = [t for ds in (train, val) for batch, _ in ds.as_numpy_iterator() for t in batch]
    assert sorted(texts) == sorted([b"bad one", b"awful", b"great", b"fine film", b"superb"])
    with pytest.raises(ValueError, match="must provide a `seed`"):
        keras.utils.text_dataset_from_directory(
            str(text_dir), validation_split=0.2, subset="training"
        )
    with pytest.raises(ValueError, match="did not match"):
        keras.utils.text_dataset_from_directory(str(text_dir), class_names=["x"])

"""The string, ragged and sparse cells of "Introduction to tensors" and the "Tensor slicing"
guide print TF's text (real TF's output compared when it is importable)."""

import contextlib
import io

import pytest

import torchkeras

from tensor_guides_script import run


def _printed(module):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run(module)
    return out.getvalue()


def test_guides_print_tf_text():
    text = _printed(torchkeras)
    assert "<tf.RaggedTensor [[0, 1, 2, 3], [4, 5], [6, 7, 8], [9]]>\n(4, None)\n" in text
    assert "ValueError: Can't convert non-rectangular Python sequence to Tensor." in text
    assert "<tf.RaggedTensor [[b'Gray', b'wolf'], [b'Quick', b'brown', b'fox'], [b'Lazy'" in text
    assert "tf.Tensor([  1.  10. 100.], shape=(3,), dtype=float32)" in text
    assert "Bytes: tf.Tensor([ 68 117  99 107], shape=(4,), dtype=uint8)" in text
    assert "tf.Tensor([ 0  2  0  4  0  6  0  8  0 10], shape=(10,), dtype=int32)" in text


def test_guides_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    assert _printed(torchkeras) == _printed(tf_real)

"""The ``tf.signal`` namespace (``torchkeras/signal.py``) holds TF 2.21's names, and TF's
top-level N-D transforms; ``tf.math`` has no FFT names, as in TF 2.21."""

import pytest

import torchkeras as tf

SIGNAL = {
    "dct", "fft", "fft2d", "fft3d", "fftnd", "fftshift", "frame", "hamming_window",
    "hann_window", "idct", "ifft", "ifft2d", "ifft3d", "ifftnd", "ifftshift", "inverse_mdct",
    "inverse_stft", "inverse_stft_window_fn", "irfft", "irfft2d", "irfft3d", "irfftnd",
    "kaiser_bessel_derived_window", "kaiser_window", "linear_to_mel_weight_matrix", "mdct",
    "mfccs_from_log_mel_spectrograms", "overlap_and_add", "rfft", "rfft2d", "rfft3d", "rfftnd",
    "stft", "vorbis_window",
}  # fmt: skip


def _public(module):
    return {name for name in dir(module) if not name.startswith("_")}


def _fft_names(module):
    return {name for name in _public(module) if "fft" in name.lower()}


def test_signal_namespace():
    assert _public(tf.signal) == SIGNAL
    assert _fft_names(tf.math) == set()
    assert _fft_names(tf) == {"fftnd", "ifftnd", "irfftnd", "rfftnd"}
    assert tf.fftnd is not tf.signal.fftnd


def test_signal_namespace_matches_tf():
    tf_real = pytest.importorskip("tensorflow")
    assert _public(tf.signal) == _public(tf_real.signal)
    assert _fft_names(tf.math) == _fft_names(tf_real.math)
    assert _fft_names(tf) == _fft_names(tf_real)

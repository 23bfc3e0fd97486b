"""``tf.signal``: Fourier transforms, windows, framing, STFT/MDCT, DCT and mel features.

Filled from the export registry (``api_export``): the ops declare their ``tf.signal.*`` names
where they are defined.
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "tf.signal",
    ".ops.fft_ops",
    ".ops.fftnd_ops",
    ".ops.window_ops",
    ".ops.frame_ops",
    ".ops.spectral_ops",
    ".ops.dct_ops",
    ".ops.mel_ops",
    ".ops.mfcc_ops",
)

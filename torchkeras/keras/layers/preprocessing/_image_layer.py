"""The base of the image preprocessing layers: batched / unbatched images, ``data_format``,
``factor`` parsing and the per-layer random generator."""

import torch

from ....framework.convert import convert_to_tensor
from ....framework.tensor import wrap
from ..convolutional import _conv_utils
from ..layer import Layer
from ..regularization import _noise


class ImagePreprocessingLayer(Layer):
    """Keras' ``BaseImagePreprocessingLayer`` for plain image inputs.

    ``call(images, training=True)`` takes a batch ``(N, H, W, C)`` or one image
    ``(H, W, C)`` (channels first with ``data_format="channels_first"``) and hands
    subclasses a channels-last batch in ``transform(images, training)``.  As in Keras,
    ``training`` defaults to ``True`` when the layer is called directly, and ``fit`` /
    ``evaluate`` / ``predict`` pass their own mode.  Keras' dict inputs (``images``,
    ``labels``, ``bounding_boxes``, ``segmentation_masks``) are not supported.
    """

    _allow_non_tensor_positional_args = True  # a Keras data layer: Python values convert

    cast_inputs = True
    """Whether ``call`` casts the images to the compute dtype first (Keras does, except
    ``Resizing``)."""

    _shape_read_rank = 0
    """The rank below which Keras' transformation reads a missing shape entry (its
    ``IndexError``) before the rank check."""

    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = _conv_utils.normalize_data_format(data_format)
        self._generator = None

    def call(self, inputs, training=True):
        value = convert_to_tensor(inputs)._value
        if value.ndim < self._shape_read_rank:
            raise IndexError("tuple index out of range")
        if value.ndim not in (3, 4):
            raise ValueError(
                "Expected image tensor to have rank 3 (single image) or 4 (batch of images). "
                "Received: data.shape=%s" % (tuple(value.shape),)
            )
        if self.cast_inputs and value.dtype is not self._compute_torch_dtype:
            value = value.to(self._compute_torch_dtype)
        batched = value.ndim == 4
        if not batched:
            value = value[None]
        if self.data_format == "channels_first":
            value = value.permute(0, 2, 3, 1)
        out = self.transform(value, bool(training))
        if self.data_format == "channels_first":
            out = out.permute(0, 3, 1, 2)
        return wrap(out if batched else out[0])

    def transform(self, images, training):
        """The layer's work on a channels-last batch ``images`` (a torch tensor)."""
        raise NotImplementedError

    def uniform(self, shape, low, high, device):
        """Uniform ``[low, high)`` samples from the layer's generator (seeded by ``seed``)."""
        sample = torch.rand(
            shape, dtype=torch.float32, device=device, generator=_noise.generator(self, device)
        )
        return sample * (high - low) + low

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config["data_format"] = self.data_format
        return config


def check_seed(seed):
    """``seed`` after Keras' ``SeedGenerator`` check (an int, or None for a random one)."""
    if seed is not None and not isinstance(seed, int):
        raise ValueError("Argument `seed` must be an integer. Received: seed=%s" % (seed,))
    return seed


def base_factor(factor, bounds=(-1, 1)):
    """Keras' ``(lower, upper)`` from a number ``f`` (``(-f, f)``, clipped to ``bounds``) or a pair
    (sorted); Keras' ``ValueError`` outside ``bounds``."""
    error = ValueError(
        "The `factor` argument should be a number (or a list of two numbers) in the range [%s, "
        "%s]. "
        "Received: factor=%s" % (bounds[0], bounds[1], factor)
    )
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2 or factor[0] > bounds[1] or factor[1] < bounds[0]:
            raise error
        return tuple(sorted(factor))
    if isinstance(factor, (int, float)):
        if factor < bounds[0] or factor > bounds[1]:
            raise error
        factor = abs(factor)
        return max(-factor, bounds[0]), factor
    raise error

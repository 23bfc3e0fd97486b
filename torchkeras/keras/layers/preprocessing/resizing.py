"""``keras.layers.Resizing``."""

import torch

from ....framework.op_errors import op_error
from ....ops import image_resample as _resample
from ._image_layer import ImagePreprocessingLayer
from ....api_export import keras_export


@keras_export("keras.layers.Resizing")
class Resizing(ImagePreprocessingLayer):
    """Resizes images to ``(height, width)`` with TF's ``tf.image.resize`` (half-pixel centres;
    ``interpolation`` one of ``"bilinear"``, ``"nearest"``, ``"bicubic"``, ``"area"``,
    ``"lanczos3"``, ``"lanczos5"``; ``antialias`` as TF).  ``crop_to_aspect_ratio`` first takes
    the largest centred crop with the target's aspect ratio; ``pad_to_aspect_ratio`` pads
    symmetrically with ``fill_value`` instead.  Integer images come back rounded in their own
    dtype (saturating), as in Keras; the resize itself runs in float32.
    """

    cast_inputs = False

    def __init__(
        self,
        height,
        width,
        interpolation="bilinear",
        crop_to_aspect_ratio=False,
        pad_to_aspect_ratio=False,
        fill_mode="constant",
        fill_value=0.0,
        antialias=False,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        if fill_mode != "constant":
            raise ValueError(
                "Invalid value for argument `fill_mode`. Only `'constant'` is supported. Received: "
                "fill_mode=%s" % (fill_mode,)
            )
        if pad_to_aspect_ratio and crop_to_aspect_ratio:
            raise ValueError(
                "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`."
            )
        self.height = height
        self.width = width
        self.interpolation = interpolation
        self.crop_to_aspect_ratio = crop_to_aspect_ratio
        self.pad_to_aspect_ratio = pad_to_aspect_ratio
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.antialias = bool(antialias)

    def call(self, inputs, training=True):
        if inputs._value.ndim < 3:  # Keras reads the image size at fixed positions
            raise IndexError("tuple index out of range")
        return super().call(inputs, training)

    def transform(self, images, training):
        if self.interpolation not in _resample.METHODS:  # Keras checks it when resizing
            raise ValueError(
                "Invalid value for argument `interpolation`. Expected of one %s. Received: "
                "interpolation=%s" % (_resample.METHODS, self.interpolation)
            )
        size = (self.height, self.width)
        kernel = _KERNELS.get(self.interpolation)
        if kernel is not None and not self.antialias:
            if self.height <= 0 or self.width <= 0:
                raise op_error(kernel, "output dimensions must be positive", images)
            if images.shape[1] == 0 or images.shape[2] == 0:
                raise op_error(kernel, "input image must be of non-zero size", images)
        out = images
        if self.crop_to_aspect_ratio:
            out = _resample.crop_to_aspect_ratio(out, size)
        elif self.pad_to_aspect_ratio:
            out = _resample.pad_to_aspect_ratio(out, size, self.fill_value)
        out = _resample.resize_nhwc(out.to(torch.float32), size, self.interpolation, self.antialias)
        if images.dtype.is_floating_point:
            return out.to(images.dtype)
        return _saturate(torch.round(out), images.dtype)

    def compute_output_shape(self, input_shape):
        return resized_shape(input_shape, self.height, self.width, self.data_format)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "height": self.height,
                "width": self.width,
                "interpolation": self.interpolation,
                "crop_to_aspect_ratio": self.crop_to_aspect_ratio,
                "pad_to_aspect_ratio": self.pad_to_aspect_ratio,
                "fill_mode": self.fill_mode,
                "fill_value": self.fill_value,
                "antialias": self.antialias,
                "data_format": self.data_format,
            }
        )
        return config


_KERNELS = {"bilinear": "ResizeBilinear", "nearest": "ResizeNearestNeighbor"}
"""TF's resize op of an interpolation (its errors name it)."""


def _saturate(values, dtype):
    if dtype is torch.bool:
        return values != 0
    info = torch.iinfo(dtype)
    return values.clamp(info.min, info.max).to(dtype)


def resized_shape(input_shape, height, width, data_format):
    """``input_shape`` (rank 3 or 4) with its spatial dims replaced by ``height`` and ``width``."""
    shape = list(input_shape)
    first = len(shape) - (2 if data_format == "channels_first" else 3)
    shape[first], shape[first + 1] = height, width
    return tuple(shape)

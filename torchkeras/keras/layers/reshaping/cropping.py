"""``keras.layers.Cropping1D``, ``Cropping2D`` and ``Cropping3D``."""

from ....framework.tensor import wrap
from ..convolutional import _conv_utils as utils
from ..input_spec import InputSpec
from ..layer import Layer
from ._pairs import normalize_pairs
from ....api_export import keras_export


@keras_export("keras.layers.Cropping1D")
class Cropping1D(Layer):
    """Removes ``cropping = (before, after)`` steps from ``(batch, steps, channels)`` inputs."""

    def __init__(self, cropping=(1, 1), **kwargs):
        super().__init__(**kwargs)
        self.cropping = utils.normalize_tuple(cropping, 2, "cropping", allow_zero=True)
        self.input_spec = InputSpec(ndim=3)
        self.built = True

    def call(self, inputs):
        value = inputs._value
        before, after = self.cropping
        if before + after >= value.shape[1]:
            raise ValueError(
                "`cropping` parameter of `Cropping1D` layer must be smaller than the input length. "
                "Received: inputs.shape=%s, cropping=%s" % (tuple(value.shape), self.cropping)
            )
        return wrap(value[:, before : value.shape[1] - after])

    def compute_output_shape(self, input_shape):
        length = input_shape[1]
        if length is not None and length - sum(self.cropping) <= 0:
            raise ValueError(
                "`cropping` parameter of `Cropping1D` layer must be smaller than the input length. "
                "Received: input_shape=%s, cropping=%s" % (tuple(input_shape), self.cropping)
            )
        return (
            input_shape[0],
            None if length is None else length - sum(self.cropping),
            input_shape[2],
        )

    def get_config(self):
        config = super().get_config()
        config["cropping"] = self.cropping
        return config


class _CroppingND(Layer):
    """Removes ``(before, after)`` cells from each spatial dim of ``rank``-D images (``rank`` is a
    class attribute)."""

    rank = None

    def __init__(self, cropping, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = utils.normalize_data_format(data_format)
        self.cropping = normalize_pairs(cropping, self.rank, "cropping")
        self.input_spec = InputSpec(ndim=self.rank + 2)
        self._axes = utils.spatial_axes(self.rank + 2, self.data_format)
        self.built = True

    def call(self, inputs):
        value = inputs._value
        for axis, (before, after) in zip(self._axes, self.cropping):
            if before + after >= value.shape[axis]:
                raise ValueError(
                    "Values in `cropping` argument should be smaller than the corresponding "
                    "spatial "
                    "dimension of the input. Received: inputs.shape=%s, cropping=%s"
                    % (tuple(value.shape), self.cropping)
                )
        for axis, (before, after) in zip(self._axes, self.cropping):
            value = value.narrow(axis, before, value.shape[axis] - before - after)
        return wrap(value)

    def compute_output_shape(self, input_shape):
        shape = list(input_shape)
        for axis, (before, after) in zip(self._axes, self.cropping):
            if shape[axis] is not None and before + after >= shape[axis]:
                raise ValueError(
                    "Values in `cropping` argument should be smaller than the corresponding "
                    "spatial dimension of the input. Received: input_shape=%s, cropping=%s"
                    % (tuple(input_shape), self.cropping)
                )
        for axis, (before, after) in zip(self._axes, self.cropping):
            if shape[axis] is not None:
                shape[axis] -= before + after
        return tuple(shape)

    def get_config(self):
        config = super().get_config()
        config.update({"cropping": self.cropping, "data_format": self.data_format})
        return config


@keras_export("keras.layers.Cropping2D")
class Cropping2D(_CroppingND):
    """Removes rows and columns from the edges of images: ``cropping`` is an int, ``(rows, cols)``
    or ``((top, bottom), (left, right))``."""

    rank = 2

    def __init__(self, cropping=((0, 0), (0, 0)), data_format=None, **kwargs):
        super().__init__(cropping, data_format=data_format, **kwargs)


@keras_export("keras.layers.Cropping3D")
class Cropping3D(_CroppingND):
    """Removes cells from the edges of volumes ``(batch, dim1, dim2, dim3, channels)``: ``cropping``
    is an int, 3 ints or 3 ``(before, after)`` pairs."""

    rank = 3

    def __init__(self, cropping=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(cropping, data_format=data_format, **kwargs)

"""The shared machinery of Keras' max and average pooling layers."""

import numpy as np
import torch

from ....framework.errors import InvalidArgumentError
from ....framework.op_errors import op_error, type_name
from ....framework.tensor import wrap
from ....ops import _window
from ....ops.pooling_ops import empty_output_error
from ..convolutional import _conv_utils as utils
from ..input_spec import InputSpec
from ..layer import Layer

_F = torch.nn.functional
MAX_FNS = {1: _F.max_pool1d, 2: _F.max_pool2d, 3: _F.max_pool3d}
AVG_FNS = {1: _F.avg_pool1d, 2: _F.avg_pool2d, 3: _F.avg_pool3d}

_POOL_OPS = {
    ("max", 2): (
        "MaxPool",
        "MaxPool",
        '"SAME", "VALID", "EXPLICIT"',
        "signature=input:T -> output:T; attr=T:type,default=DT_FLOAT,allowed=[DT_HALF, "
        "DT_BFLOAT16, DT_FLOAT, DT_DOUBLE, DT_INT32, DT_INT64, DT_UINT8, DT_INT16, DT_INT8, "
        "DT_UINT16, DT_QINT8]; attr=ksize:list(int),min=4; attr=strides:list(int),min=4; "
        'attr=padding:string,allowed=["SAME", "VALID", "EXPLICIT"]; '
        "attr=explicit_paddings:list(int),default=[]; "
        'attr=data_format:string,default="NHWC",allowed=["NHWC", "NCHW", "NCHW_VECT_C"]',
    ),
    ("average", 2): (
        "_MklNativeAvgPool",
        "AvgPool",
        '"SAME", "VALID"',
        "signature=value:T -> output:T; attr=ksize:list(int),min=4; "
        'attr=strides:list(int),min=4; attr=padding:string,allowed=["SAME", "VALID"]; '
        'attr=data_format:string,default="NHWC",allowed=["NHWC", "NCHW"]; '
        "attr=T:type,allowed=[DT_FLOAT, DT_HALF, DT_DOUBLE, DT_BFLOAT16]",
    ),
    ("max", 3): (
        "MaxPool3D",
        "MaxPool3D",
        '"SAME", "VALID"',
        "signature=input:T -> output:T; attr=ksize:list(int),min=5; "
        'attr=strides:list(int),min=5; attr=padding:string,allowed=["SAME", "VALID"]; '
        'attr=data_format:string,default="NDHWC",allowed=["NDHWC", "NCDHW"]; '
        "attr=T:type,allowed=[DT_HALF, DT_BFLOAT16, DT_FLOAT]",
    ),
    ("average", 3): (
        "_MklNativeAvgPool3D",
        "AvgPool3D",
        '"SAME", "VALID"',
        "signature=value:T -> output:T; attr=ksize:list(int),min=5; "
        'attr=strides:list(int),min=5; attr=padding:string,allowed=["SAME", "VALID"]; '
        'attr=data_format:string,default="NDHWC",allowed=["NDHWC", "NCDHW"]; '
        "attr=T:type,allowed=[DT_FLOAT, DT_HALF, DT_DOUBLE, DT_BFLOAT16]",
    ),
}
"""TF's CPU pooling kernels by ``(pool_mode, rank)`` (1-D pools run the 2-D kernel):
``(node, op, allowed paddings, signature)`` for the error on an unknown padding."""


_MAX_POOL_3D_DTYPES = (torch.float16, torch.bfloat16, torch.float32)


def max_pool_3d_dtype_error(value):
    """TF's CPU ``MaxPool3D`` kernel error for a storage ``value`` of a dtype it refuses (any
    but half, bfloat16 and float); None for the dtypes it takes."""
    if value.dtype in _MAX_POOL_3D_DTYPES:
        return None
    node, op, _, signature = _POOL_OPS["max", 3]
    return InvalidArgumentError(
        None,
        None,
        "Value for attr 'T' of %s is not in the list of allowed values: half, bfloat16, float"
        "\n\t; NodeDef: {{node %s}}; Op<name=%s; %s> [Op:%s] name: "
        % (type_name(value), node, node, signature, op),
    )


class BasePooling(Layer):
    """Max or average pooling over ``rank`` spatial dims (``rank`` and ``pool_mode`` are class
    attributes).

    ``strides=None`` means ``pool_size``.  ``"same"`` padding is TF's: the odd cell goes after,
    padded cells never win a max and are not counted in an average.  Runs torch's
    ``max_pool{rank}d`` / ``avg_pool{rank}d`` on a channels-first view; asymmetric padding is
    applied explicitly.
    """

    rank = None
    pool_mode = None

    def __init__(
        self, pool_size, strides=None, padding="valid", data_format=None, name=None, **kwargs
    ):
        super().__init__(name=name, **kwargs)
        self.pool_size = utils.normalize_tuple(pool_size, self.rank, "pool_size")
        self.strides = (
            self.pool_size
            if strides is None
            else utils.normalize_tuple(strides, self.rank, "strides", allow_zero=True)
        )
        self.padding = padding
        self._padding = padding.lower() if isinstance(padding, str) else padding
        self.data_format = utils.normalize_data_format(data_format)
        self.input_spec = InputSpec(ndim=self.rank + 2)
        self.built = True

    def _check_padding_kernel(self):
        """TF's kernel error for a padding Keras accepted at construction (Keras only fails
        when the op runs)."""
        if self._padding in utils.PADDINGS:
            return
        node, op, allowed, signature = _POOL_OPS[self.pool_mode, max(self.rank, 2)]
        raise InvalidArgumentError(
            None,
            None,
            "Value for attr 'padding' of \"%s\" is not in the list of allowed values: %s\n\t; "
            "NodeDef: {{node %s}}; Op<name=%s; %s> [Op:%s] name: "
            % (str(self.padding).upper(), allowed, node, node, signature, op),
        )

    def call(self, inputs):
        self._check_padding_kernel()
        value = inputs._value
        if 0 in self.strides:  # Keras takes it; TF's kernel refuses it
            node, op, _, _ = _POOL_OPS[self.pool_mode, max(self.rank, 2)]
            raise op_error(op, "Stride must be > 0, but got 0", value, kernel=node)
        if self.rank == 3 and self.pool_mode == "max":
            error = max_pool_3d_dtype_error(value)
            if error is not None:
                raise error
        x = utils.to_channels_first(value, self.data_format)
        if self._padding == "valid":
            try:
                y = self._pool(x, 0)
            except RuntimeError:  # torch refuses empty and negative outputs
                y = self._valid_output(x)
                if y is None:
                    raise
        else:
            pads = [
                utils.same_padding(length, k, s)
                for length, k, s in zip(x.shape[2:], self.pool_size, self.strides)
            ]
            if all(before == after for before, after in pads):
                y = self._pool(x, tuple(before for before, _ in pads))
            elif self.pool_mode == "max":
                low = float("-inf") if x.is_floating_point() else torch.iinfo(x.dtype).min
                y = self._pool(utils.pad_spatial(x, pads, low), 0)
            else:
                ones = torch.ones((1, 1) + tuple(x.shape[2:]), dtype=x.dtype, device=x.device)
                y = self._pool(utils.pad_spatial(x, pads), 0) / self._pool(
                    utils.pad_spatial(ones, pads), 0
                )
        return wrap(utils.from_channels_first(y, self.data_format))

    def _valid_output(self, x):
        """TF's answer where torch refuses a "valid" pooling: a negative output size is TF's
        kernel error, an empty output is returned (average) or oneDNN's failure (max); ``None``
        when the sizes are fine (torch failed for another reason)."""
        opname = ("MaxPool" if self.pool_mode == "max" else "AvgPool") + (
            "3D" if self.rank == 3 else ""
        )
        kernel = _window.kernel_for(opname, x)
        _, outs = _window.window_pads(
            opname,
            kernel,
            x,
            list(x.shape[2:]),
            list(self.pool_size),
            list(self.strides),
            [1] * self.rank,
            "VALID",
            None,
        )
        if 0 not in outs:
            return None
        error = empty_output_error(opname, x, outs) if self.pool_mode == "max" else None
        if error is not None:
            raise error
        return x.new_zeros(tuple(x.shape[:2]) + tuple(outs))

    def _pool(self, x, padding):
        if self.pool_mode == "max":
            if self.rank == 1 and not x.is_floating_point() and x.dtype is not torch.bool:
                # TF pools integers in 1-D (as 2-D); torch's 1-D kernel takes floats only
                pad = (padding, 0) if isinstance(padding, int) else (padding[0], 0)
                return _F.max_pool2d(
                    x.unsqueeze(-1), (self.pool_size[0], 1), (self.strides[0], 1), pad
                ).squeeze(-1)
            return MAX_FNS[self.rank](x, self.pool_size, self.strides, padding)
        return AVG_FNS[self.rank](x, self.pool_size, self.strides, padding, False, False)

    def compute_output_shape(self, input_shape):
        if self._padding not in utils.PADDINGS:
            raise ValueError(
                "Argument `padding` must be either 'valid' or 'same'. Received: padding=%s"
                % (self.padding,)
            )
        input_shape = tuple(input_shape)
        spatial = input_shape[1:-1] if self.data_format == "channels_last" else input_shape[2:]
        out = tuple(
            utils.conv_output_length(length, k, self._padding, s)
            for length, k, s in zip(spatial, self.pool_size, self.strides)
        )
        if any(size is not None and size <= 0 for size in out):
            raise ValueError(
                "Computed output size would be zero or negative. Received: `inputs.shape=%s`, "
                "`pool_size=%s`, `strides=%s`, `padding=%s`."
                % (np.array(input_shape), np.array(self.pool_size), self.strides, self._padding)
            )
        if self.data_format == "channels_last":
            return (input_shape[0],) + out + (input_shape[-1],)
        return input_shape[:2] + out

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "pool_size": self.pool_size,
                "padding": self.padding,
                "strides": self.strides,
                "data_format": self.data_format,
            }
        )
        return config

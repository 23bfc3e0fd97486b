"""``keras.utils.timeseries_dataset_from_array``: sliding windows over an array as a
``tf.data.Dataset``."""

import numpy as np
import torch

from ...data.dataset_ops import Dataset
from ...framework.convert import convert_to_tensor
from ...framework.tensor import wrap
from ...api_export import keras_export

__all__ = ["timeseries_dataset_from_array"]


def _check(data, sequence_stride, sampling_rate, start_index, end_index):
    n = len(data)
    if start_index:
        if start_index < 0:
            raise ValueError(
                "`start_index` must be 0 or greater. Received: start_index=%s" % start_index
            )
        if start_index >= n:
            raise ValueError(
                "`start_index` must be lower than the length of the data. Received: "
                "start_index=%s, for "
                "data of length %d" % (start_index, n)
            )
    if end_index:
        if start_index and end_index <= start_index:
            raise ValueError(
                "`end_index` must be higher than `start_index`. Received: start_index=%s, and "
                "end_index=%s " % (start_index, end_index)
            )
        if end_index >= n:
            raise ValueError(
                "`end_index` must be lower than the length of the data. Received: end_index=%s, "
                "for data "
                "of length %d" % (end_index, n)
            )
        if end_index <= 0:
            raise ValueError(
                "`end_index` must be higher than 0. Received: end_index=%s" % end_index
            )
    if sampling_rate <= 0:
        raise ValueError(
            "`sampling_rate` must be higher than 0. Received: sampling_rate=%s" % sampling_rate
        )
    if sampling_rate >= n:
        raise ValueError(
            "`sampling_rate` must be lower than the length of the data. Received: "
            "sampling_rate=%s, for "
            "data of length %d" % (sampling_rate, n)
        )
    if sequence_stride <= 0:
        raise ValueError(
            "`sequence_stride` must be higher than 0. Received: sequence_stride=%s"
            % sequence_stride
        )
    if sequence_stride >= n:
        raise ValueError(
            "`sequence_stride` must be lower than the length of the data. Received: "
            "sequence_stride=%s, "
            "for data of length %d" % (sequence_stride, n)
        )


@keras_export(
    "keras.utils.timeseries_dataset_from_array", "keras.preprocessing.timeseries_dataset_from_array"
)
def timeseries_dataset_from_array(
    data,
    targets,
    sequence_length,
    sequence_stride=1,
    sampling_rate=1,
    batch_size=128,
    shuffle=False,
    seed=None,
    start_index=None,
    end_index=None,
    format="tf",
):
    """Windows of ``sequence_length`` steps (every ``sampling_rate``-th step) starting every
    ``sequence_stride``
    steps of ``data[start_index:end_index]``, paired with ``targets[start_index + i]`` when
    ``targets`` is given,
    batched by ``batch_size`` (``None``: unbatched), as Keras does.

    Window start positions are shuffled with NumPy's ``RandomState(seed)``
    as in Keras, then by a ``batch_size * 8`` shuffle buffer; that second
    shuffle draws from torchkeras' generator, so a shuffled order differs from
    TF's (the set of windows is the same).  Only ``format="tf"`` is supported.
    """
    if format != "tf":
        raise ValueError(
            '`format` should be either "tf" or "grain". Received: format=%s' % format
            if format != "grain"
            else 'format="grain" requires the `grain` package, which torchkeras '
            'does not support; use format="tf".'
        )
    _check(data, sequence_stride, sampling_rate, start_index, end_index)
    start_index = start_index or 0
    end_index = end_index or len(data)
    num_seqs = end_index - start_index - (sequence_length - 1) * sampling_rate
    if targets is not None:
        num_seqs = min(num_seqs, len(targets))
    start_positions = np.arange(0, num_seqs, sequence_stride, dtype=np.int64)
    if shuffle:
        if seed is None:
            seed = np.random.randint(1e6)
        np.random.RandomState(seed).shuffle(start_positions)
    window = torch.arange(sequence_length, dtype=torch.int64) * sampling_rate
    steps = convert_to_tensor(np.asarray(data[start_index:end_index]))._value.cpu()
    target_steps = None
    if targets is not None:
        target_steps = convert_to_tensor(np.asarray(targets[start_index:end_index]))._value.cpu()

    def gather(positions):
        pos = positions._value
        windows = wrap(steps[pos.unsqueeze(-1) + window])
        if target_steps is None:
            return windows
        return windows, wrap(target_steps[pos])

    dataset = Dataset.from_tensor_slices(start_positions)
    if batch_size is not None:
        if shuffle:
            dataset = dataset.shuffle(buffer_size=batch_size * 8, seed=seed)
        dataset = dataset.batch(batch_size)
    elif shuffle:
        dataset = dataset.shuffle(buffer_size=1024, seed=seed)
    return dataset.map(gather)

"""``tf.data.experimental``'s function forms of the Dataset methods (TF keeps them for old
scripts): each returns a function for ``Dataset.apply``, or the dataset itself."""

from __future__ import annotations

from ..api_export import tf_export
from .dataset_ops import Dataset


@tf_export("data.experimental.bucket_by_sequence_length")
def bucket_by_sequence_length(
    element_length_func,
    bucket_boundaries,
    bucket_batch_sizes,
    padded_shapes=None,
    padding_values=None,
    pad_to_bucket_boundary=False,
    no_padding=False,
    drop_remainder=False,
):
    """``Dataset.bucket_by_sequence_length`` for ``Dataset.apply``."""
    return lambda dataset: dataset.bucket_by_sequence_length(
        element_length_func,
        bucket_boundaries,
        bucket_batch_sizes,
        padded_shapes,
        padding_values,
        pad_to_bucket_boundary,
        no_padding,
        drop_remainder,
    )


@tf_export("data.experimental.group_by_window")
def group_by_window(key_func, reduce_func, window_size=None, window_size_func=None):
    """``Dataset.group_by_window`` for ``Dataset.apply``."""
    return lambda dataset: dataset.group_by_window(
        key_func, reduce_func, window_size, window_size_func
    )


@tf_export("data.experimental.rejection_resample")
def rejection_resample(class_func, target_dist, initial_dist=None, seed=None):
    """``Dataset.rejection_resample`` for ``Dataset.apply``."""
    return lambda dataset: dataset.rejection_resample(class_func, target_dist, initial_dist, seed)


@tf_export("data.experimental.scan")
def scan(initial_state, scan_func):
    """``Dataset.scan`` for ``Dataset.apply``."""
    return lambda dataset: dataset.scan(initial_state, scan_func)


@tf_export("data.experimental.take_while")
def take_while(predicate):
    """``Dataset.take_while`` for ``Dataset.apply``."""
    return lambda dataset: dataset.take_while(predicate)


@tf_export("data.experimental.dense_to_ragged_batch")
def dense_to_ragged_batch(batch_size, drop_remainder=False, row_splits_dtype="int64"):
    """A ``Dataset.apply`` transformation: ``dataset.ragged_batch(...)``."""
    return lambda dataset: dataset.ragged_batch(batch_size, drop_remainder, row_splits_dtype)


@tf_export("data.experimental.unbatch")
def unbatch():
    """``Dataset.unbatch`` for ``Dataset.apply``."""
    return lambda dataset: dataset.unbatch()


@tf_export("data.experimental.enumerate_dataset")
def enumerate_dataset(start=0):
    """``Dataset.enumerate`` for ``Dataset.apply``."""
    return lambda dataset: dataset.enumerate(start)


@tf_export("data.experimental.snapshot")
def snapshot(path, compression="AUTO", reader_func=None, shard_func=None):
    """``Dataset.snapshot`` for ``Dataset.apply`` (torchkeras' files, not TF's)."""
    return lambda dataset: dataset.snapshot(path, compression, reader_func, shard_func)


@tf_export("data.experimental.save")
def save(dataset, path, compression=None, shard_func=None, checkpoint_args=None):
    """``dataset.save(path, ...)`` (torchkeras' files, not TF's)."""
    dataset.save(path, compression, shard_func, checkpoint_args)


@tf_export("data.experimental.load")
def load(path, element_spec=None, compression=None, reader_func=None):
    """``tf.data.Dataset.load(path, ...)``."""
    return Dataset.load(path, element_spec, compression, reader_func)


@tf_export("data.experimental.sample_from_datasets")
def sample_from_datasets(datasets, weights=None, seed=None, stop_on_empty_dataset=False):
    """``tf.data.Dataset.sample_from_datasets``."""
    return Dataset.sample_from_datasets(datasets, weights, seed, stop_on_empty_dataset)


@tf_export("data.experimental.choose_from_datasets")
def choose_from_datasets(datasets, choice_dataset, stop_on_empty_dataset=False):
    """``tf.data.Dataset.choose_from_datasets`` (here ``stop_on_empty_dataset`` defaults to
    False, as in TF's experimental form)."""
    return Dataset.choose_from_datasets(datasets, choice_dataset, stop_on_empty_dataset)

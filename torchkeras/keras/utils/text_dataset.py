"""``keras.utils.text_dataset_from_directory``: ``.txt`` files in class subfolders -> a
``tf.data.Dataset``."""

import numpy as np

from ...framework.tensor import wrap
from . import directory_index
from ...api_export import keras_export

__all__ = ["text_dataset_from_directory"]


def _reader(max_length):
    def load(path):
        with open(path._value.item().decode(), "rb") as f:
            content = f.read()
        if max_length is not None:
            content = content[:max_length]
        return wrap(np.array(content, dtype=object))

    return load


@keras_export(
    "keras.utils.text_dataset_from_directory", "keras.preprocessing.text_dataset_from_directory"
)
def text_dataset_from_directory(
    directory,
    labels="inferred",
    label_mode="int",
    class_names=None,
    batch_size=32,
    max_length=None,
    shuffle=True,
    seed=None,
    validation_split=None,
    subset=None,
    follow_links=False,
    format="tf",
    verbose=True,
):
    """A dataset of ``(text, label)`` batches from ``directory/<class>/*.txt``, as Keras builds it.

    ``labels``: ``"inferred"`` (from the subfolders, sorted, or
    ``class_names``' order), a list of ints (one per file, sorted path order)
    or ``None``; ``label_mode``: ``"int"`` (int32), ``"categorical"``,
    ``"binary"`` (float32) or ``None``; ``max_length`` truncates each text
    (bytes); ``validation_split`` with ``subset`` ``"training"``,
    ``"validation"`` or ``"both"`` (a list of two datasets).  Files are
    shuffled as Keras does (NumPy ``RandomState(seed)``), then through a
    ``batch_size * 8`` buffer whose order differs from TF's.  The result has
    ``class_names``.  Only ``format="tf"`` is supported.
    """
    if format != "tf":
        raise ValueError(
            '`format` should be either "tf" or "grain". Received: format=%s' % format
            if format != "grain"
            else 'format="grain" requires the `grain` package, which torchkeras does '
            'not support; use format="tf".'
        )
    if labels is None or label_mode is None:
        labels = None
        label_mode = None
    directory_index.check_validation_split_arg(validation_split, subset, shuffle, seed)
    if seed is None:
        seed = np.random.randint(1e6)
    file_paths, labels, class_names = directory_index.index_directory(
        directory,
        labels,
        formats=(".txt",),
        class_names=class_names,
        shuffle=shuffle,
        seed=seed,
        follow_links=follow_links,
        verbose=verbose,
    )
    directory_index.check_binary_class_names(label_mode, class_names)
    return directory_index.make_subset_datasets(
        file_paths,
        labels,
        class_names,
        label_mode=label_mode,
        load=_reader(max_length),
        subset=subset,
        validation_split=validation_split,
        shuffle=shuffle,
        seed=seed,
        batch_size=batch_size,
        no_files_message=lambda kind: (
            "No %stext files found in directory %s. Allowed format: .txt" % (kind, directory)
        ),
    )

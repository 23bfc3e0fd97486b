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
    if label_mode == "binary" and len(class_names) != 2:
        raise ValueError(
            'When passing `label_mode="binary"`, there must be exactly 2 class_names. Received: '
            "class_names=%s" % class_names
        )
    buffer_size = batch_size * 8 if batch_size is not None else 1024
    num_classes = len(class_names) if class_names else 0
    load = _reader(max_length)

    def build(paths, subset_labels, subset_shuffle, kind):
        if not paths:
            raise ValueError(
                "No %stext files found in directory %s. Allowed format: .txt" % (kind, directory)
            )
        dataset = directory_index.make_dataset(
            paths,
            subset_labels,
            label_mode,
            num_classes,
            load,
            subset_shuffle,
            buffer_size,
            seed,
            batch_size,
        )
        dataset.class_names = class_names
        return dataset

    if subset == "both":
        train = directory_index.get_training_or_validation_split(
            file_paths, labels, validation_split, "training"
        )
        val = directory_index.get_training_or_validation_split(
            file_paths, labels, validation_split, "validation"
        )
        return [
            build(train[0], train[1], shuffle, "training "),
            build(val[0], val[1], False, "validation "),
        ]
    paths, subset_labels = directory_index.get_training_or_validation_split(
        file_paths, labels, validation_split, subset
    )
    return build(paths, subset_labels, shuffle, "")

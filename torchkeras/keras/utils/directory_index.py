"""Listing a class-per-subfolder directory as Keras' ``*_dataset_from_directory`` functions do.

Files are found in sorted order, labelled by subfolder (or by a given list),
shuffled with NumPy's ``RandomState(seed)`` exactly as Keras shuffles them,
then split into training / validation subsets; the messages Keras prints
("Found 6 files belonging to 2 classes.", "Using 4 files for training.")
go through ``io_utils.print_msg`` as Keras' do.
"""

import os

import numpy as np

from ...data.dataset_ops import Dataset
from .io_utils import print_msg

__all__ = [
    "index_directory",
    "check_validation_split_arg",
    "get_training_or_validation_split",
    "labels_to_array",
    "check_labels_arg",
    "make_dataset",
    "check_binary_class_names",
    "make_subset_datasets",
]


def _valid_files(directory, follow_links, formats):
    for root, _, files in sorted(os.walk(directory, followlinks=follow_links), key=lambda x: x[0]):
        for fname in sorted(files):
            if fname.lower().endswith(formats):
                yield root, fname


def _index_subdirectory(directory, follow_links, formats):
    dirname = os.path.basename(directory)
    return [
        os.path.join(dirname, os.path.relpath(os.path.join(root, fname), directory))
        for root, fname in _valid_files(directory, follow_links, formats)
    ]


def index_directory(
    directory,
    labels,
    formats,
    class_names=None,
    shuffle=True,
    seed=None,
    follow_links=False,
    verbose=True,
):
    """``(file_paths, labels, class_names)`` for the files of ``directory`` ending in one of
    ``formats``."""
    if labels == "inferred":
        subdirs = [
            d
            for d in sorted(os.listdir(directory))
            if os.path.isdir(os.path.join(directory, d)) and not d.startswith(".")
        ]
        if class_names is not None:
            if not set(class_names).issubset(set(subdirs)):
                raise ValueError(
                    "The `class_names` passed did not match the names of the subdirectories of "
                    "the target "
                    "directory. Expected: %s (or a subset of it), but received: class_names=%s"
                    % (subdirs, class_names)
                )
            subdirs = class_names
    else:
        subdirs = [""]
        if class_names is not None:
            if labels is None:
                raise ValueError(
                    "When `labels=None` (no labels), argument `class_names` cannot be specified."
                )
            raise ValueError(
                "When argument `labels` is specified, argument `class_names` cannot be specified "
                "(the "
                "`class_names` will be the sorted list of labels)."
            )
    class_names = subdirs
    filenames, labels_list = [], []
    for index, subdir in enumerate(subdirs):
        found = _index_subdirectory(os.path.join(directory, subdir), follow_links, formats)
        filenames += found
        labels_list += [index] * len(found)
    if labels == "inferred":
        labels = np.array(labels_list, dtype="int32")
    elif labels is None:
        class_names = None
    else:
        if len(labels) != len(filenames):
            raise ValueError(
                "Expected the lengths of `labels` to match the number of files in the target "
                "directory. "
                "len(labels) is %d while we found %d files in directory %s."
                % (len(labels), len(filenames), directory)
            )
        class_names = [str(label) for label in sorted(set(labels))]
    if verbose:
        if labels is None:
            print_msg("Found %d files." % len(filenames))
        else:
            print_msg(
                "Found %d files belonging to %d classes." % (len(filenames), len(class_names))
            )
    file_paths = [os.path.join(directory, fname) for fname in filenames]
    if shuffle:
        if seed is None:
            seed = np.random.randint(1e6)
        np.random.RandomState(seed).shuffle(file_paths)
        if labels is not None:
            np.random.RandomState(seed).shuffle(labels)
    return file_paths, labels, class_names


def check_labels_arg(labels, class_names):
    """Keras' checks of ``labels`` (``"inferred"``, ``None`` or a list of ints) against
    ``class_names``."""
    if labels not in ("inferred", None):
        if not isinstance(labels, (list, tuple)):
            raise ValueError(
                "`labels` argument should be a list/tuple of integer labels, of the same size as "
                "the number "
                "of image files in the target directory. If you wish to infer the labels from the "
                'subdirectory names in the target directory, pass `labels="inferred"`. If you '
                "wish to get "
                "a dataset that only contains images (no labels), pass `labels=None`. Received: "
                "labels=%s" % (labels,)
            )
        if class_names:
            raise ValueError(
                'You can only pass `class_names` if `labels="inferred"`. Received: labels=%s, and '
                "class_names=%s" % (labels, class_names)
            )


def check_validation_split_arg(validation_split, subset, shuffle, seed):
    """Keras' checks of ``validation_split`` / ``subset`` / ``seed``."""
    if validation_split and not 0 < validation_split < 1:
        raise ValueError(
            "`validation_split` must be between 0 and 1, received: %s" % validation_split
        )
    if (validation_split or subset) and not (validation_split and subset):
        raise ValueError("If `subset` is set, `validation_split` must be set, and inversely.")
    if subset not in ("training", "validation", "both", None):
        raise ValueError(
            '`subset` must be either "training", "validation" or "both", received: %s' % subset
        )
    if validation_split and shuffle and seed is None:
        raise ValueError(
            "If using `validation_split` and shuffling the data, you must provide a `seed` "
            "argument, to "
            "make sure that there is no overlap between the training and validation subset."
        )


def get_training_or_validation_split(samples, labels, validation_split, subset):
    """The ``subset`` (``"training"``: the first part, ``"validation"``: the last
    ``validation_split``) of the files."""
    if not validation_split:
        return samples, labels
    num_val_samples = int(validation_split * len(samples))
    if subset == "training":
        print_msg("Using %d files for training." % (len(samples) - num_val_samples))
        samples = samples[:-num_val_samples]
        if labels is not None:
            labels = labels[:-num_val_samples]
    elif subset == "validation":
        print_msg("Using %d files for validation." % num_val_samples)
        samples = samples[-num_val_samples:]
        if labels is not None:
            labels = labels[-num_val_samples:]
    else:
        raise ValueError(
            '`subset` must be either "training" or "validation", received: %s' % subset
        )
    return samples, labels


def labels_to_array(labels, label_mode, num_classes):
    """Labels as Keras yields them: ``int`` -> int32, ``binary`` -> float32 ``(n, 1)``,
    ``categorical`` -> float32 one-hot."""
    labels = labels if isinstance(labels, np.ndarray) else np.asarray(labels, dtype="int32")
    if label_mode == "binary":
        return labels.astype("float32")[:, None]
    if label_mode == "categorical":
        return np.eye(num_classes, dtype="float32")[labels]
    return labels


def make_dataset(
    file_paths,
    labels,
    label_mode,
    num_classes,
    load,
    shuffle,
    shuffle_buffer_size,
    seed,
    batch_size,
):
    """``(content, label)`` (or ``content``) elements: ``load(path)`` applied after the shuffle
    buffer, then batched."""
    paths = np.array([p.encode() for p in file_paths], dtype=object)
    if label_mode:
        dataset = Dataset.from_tensor_slices(
            (paths, labels_to_array(labels, label_mode, num_classes))
        )
    else:
        dataset = Dataset.from_tensor_slices(paths)
    if shuffle:
        dataset = dataset.shuffle(buffer_size=shuffle_buffer_size or 1024, seed=seed)
    if label_mode:
        dataset = dataset.map(lambda path, label: (load(path), label))
    else:
        dataset = dataset.map(load)
    if batch_size is not None:
        dataset = dataset.batch(batch_size)
    return dataset


def check_binary_class_names(label_mode, class_names):
    """Keras' ``ValueError`` when ``label_mode="binary"`` does not come with exactly 2 classes."""
    if label_mode == "binary" and len(class_names) != 2:
        raise ValueError(
            'When passing `label_mode="binary"`, there must be exactly 2 class_names. Received: '
            "class_names=%s" % class_names
        )


def make_subset_datasets(
    file_paths,
    labels,
    class_names,
    *,
    label_mode,
    load,
    subset,
    validation_split,
    shuffle,
    seed,
    batch_size,
    no_files_message,
    keep_file_paths=False,
):
    """The dataset of ``subset`` (for ``"both"`` a ``[training, validation]`` list, the
    validation one unshuffled), each made by :func:`make_dataset` and given Keras'
    ``class_names`` attribute (and ``file_paths`` with ``keep_file_paths``).

    ``no_files_message(kind)`` (kind: ``"training "``, ``"validation "`` or ``""``) is the
    ``ValueError``'s message for a subset without files."""
    buffer_size = batch_size * 8 if batch_size is not None else 1024
    num_classes = len(class_names) if class_names else 0

    def build(paths, subset_labels, subset_shuffle, kind):
        if not paths:
            raise ValueError(no_files_message(kind))
        dataset = make_dataset(
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
        if keep_file_paths:
            dataset.file_paths = paths
        return dataset

    if subset == "both":
        train = get_training_or_validation_split(file_paths, labels, validation_split, "training")
        val = get_training_or_validation_split(file_paths, labels, validation_split, "validation")
        return [
            build(train[0], train[1], shuffle, "training "),
            build(val[0], val[1], False, "validation "),
        ]
    paths, subset_labels = get_training_or_validation_split(
        file_paths, labels, validation_split, subset
    )
    return build(paths, subset_labels, shuffle, "")

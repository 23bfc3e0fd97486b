"""``tf.data.experimental.make_csv_dataset``: batches of CSV columns as ``OrderedDict``s (and
a label), with column names and types inferred from the files as TF infers them."""

from __future__ import annotations

import collections
import csv
import gzip
import io

import numpy as np

from ...api_export import tf_export
from ...framework import dtypes
from ...ops import file_system as fs
from ...ops import gfile
from ..dataset_ops import AUTOTUNE, Dataset
from .csv_dataset import CsvDataset


def _is_valid_int32(text):
    try:
        return np.int32(text) == np.int64(text)
    except (ValueError, OverflowError):
        return False


def _is_valid_int64(text):
    try:
        np.int64(text)
        return True
    except (ValueError, OverflowError):
        return False


def _is_valid_float(text, np_type):
    try:
        with np.errstate(over="ignore"):
            return np_type(text) < np.inf
    except ValueError:
        return False


_TYPES = (dtypes.int32, dtypes.int64, dtypes.float32, dtypes.float64, dtypes.string)
_CHECKS = (
    _is_valid_int32,
    _is_valid_int64,
    lambda text: _is_valid_float(text, np.float32),
    lambda text: _is_valid_float(text, np.float64),
    lambda text: True,
)


def _infer_type(text, na_value, previous):
    """The narrowest of int32, int64, float32, float64, string that holds ``text`` and every
    value seen before (TF's ``_infer_type``)."""
    if text in ("", na_value):
        return previous
    for index, check in enumerate(_CHECKS):
        if check(text) and (previous is None or previous in _TYPES[: index + 1]):
            return _TYPES[index]
    return None


def _reader(opener, field_delim, use_quote_delim):
    def rows(name):
        return csv.reader(
            opener(name),
            delimiter=field_delim,
            quoting=csv.QUOTE_MINIMAL if use_quote_delim else csv.QUOTE_NONE,
        )

    return rows


def _next_rows(filenames, num_cols, rows_of, header):
    for name in filenames:
        rows = rows_of(name)
        row_num = 1
        if header:
            next(rows)
            row_num += 1
        for row in rows:
            if len(row) != num_cols:
                raise ValueError(
                    f"Problem inferring types: CSV row {row_num} has {len(row)} "
                    f"number of fields. Expected: {num_cols}."
                )
            row_num += 1
            yield row


def _infer_defaults(filenames, num_cols, rows_of, na_value, header, limit, select_columns):
    columns = range(num_cols) if select_columns is None else select_columns
    inferred = [None] * len(columns)
    for index, row in enumerate(_next_rows(filenames, num_cols, rows_of, header)):
        if limit is not None and index >= limit:
            break
        for j, column in enumerate(columns):
            inferred[j] = _infer_type(row[column], na_value, inferred[j])
    types = [t or dtypes.string for t in inferred]
    return [
        np.array([""], dtype=object) if t is dtypes.string else np.zeros(1, t.as_numpy_dtype)
        for t in types
    ]


def _infer_names(filenames, rows_of):
    def header_of(name):
        try:
            return next(rows_of(name))
        except StopIteration:
            raise ValueError(
                f"Failed when reading the header line of {name}. Is it an empty file?"
            ) from None

    names = header_of(filenames[0])
    for name in filenames[1:]:
        if header_of(name) != names:
            raise ValueError(
                "All input CSV files should have the same column names in the header row. "
                f"File {name} has different column names."
            )
    return names


def _duplicates(values):
    ordered = sorted(values)
    return {a for a, b in zip(ordered[:-1], ordered[1:]) if a == b}


def _sorted_col_indices(select_columns, column_names):
    names_to_indices = {n: i for i, n in enumerate(column_names)}
    num_cols = len(column_names)
    results = []
    for value in select_columns:
        if isinstance(value, int):
            if value < 0 or value >= num_cols:
                raise ValueError(
                    f"Column index {value} specified in `select_columns` should be > 0 "
                    f" and <= {num_cols}, which is the number of columns."
                )
            results.append(value)
        elif value not in names_to_indices:
            raise ValueError(
                f"Column {value} specified in `select_columns` must be of one of the "
                f"columns: {names_to_indices.keys()}."
            )
        else:
            results.append(names_to_indices[value])
    unique = sorted(set(results))
    if len(unique) != len(select_columns):
        # TF looks for the duplicates after removing them, so it names none.
        raise ValueError(
            f"The `select_columns` argument contains duplicate columns: {_duplicates(unique)}."
        )
    return unique


def _file_names(file_pattern):
    if isinstance(file_pattern, list):
        if not file_pattern:
            raise ValueError("Argument `file_pattern` should not be empty.")
        names = [n for entry in file_pattern for n in gfile.glob(entry)]
    else:
        names = list(gfile.glob(file_pattern))
    if not names:
        raise ValueError(f"No files match `file_pattern` {file_pattern}.")
    return sorted(names)


def _opener(compression_type, encoding):
    if compression_type in (None, ""):
        return lambda name: io.StringIO(fs.read_file(name).decode(encoding), newline="")
    if compression_type == "GZIP":
        return lambda name: gzip.open(fs.local_path(name), "rt", encoding=encoding, newline="")
    if compression_type == "ZLIB":
        raise ValueError(
            f"`compression_type` {compression_type} is not supported for probing columns."
        )
    raise ValueError(
        f"Received unknown `compression_type` {compression_type}. "
        "Expected: GZIP, ZLIB or  (empty string)."
    )


@tf_export("data.experimental.make_csv_dataset")
def make_csv_dataset(
    file_pattern,
    batch_size,
    column_names=None,
    column_defaults=None,
    label_name=None,
    select_columns=None,
    field_delim=",",
    use_quote_delim=True,
    na_value="",
    header=True,
    num_epochs=None,
    shuffle=True,
    shuffle_buffer_size=10000,
    shuffle_seed=None,
    prefetch_buffer_size=None,
    num_parallel_reads=None,
    sloppy=False,
    num_rows_for_inference=100,
    compression_type=None,
    ignore_errors=False,
    encoding="utf-8",
):
    """Batches of the records of CSV files matching ``file_pattern``: each element an
    ``OrderedDict`` of column name -> batch (and the ``label_name`` column apart), with names
    from the header and types inferred from the first ``num_rows_for_inference`` rows unless
    given.  ``num_epochs=None`` repeats forever (dropping the last partial batch), and
    ``shuffle`` shuffles files and records.  ``ignore_errors`` is not supported."""
    if ignore_errors:
        raise NotImplementedError("make_csv_dataset(ignore_errors=True) is not supported.")
    num_parallel_reads = 1 if num_parallel_reads is None else num_parallel_reads
    prefetch_buffer_size = AUTOTUNE if prefetch_buffer_size is None else prefetch_buffer_size
    filenames = _file_names(file_pattern)
    dataset = Dataset.from_tensor_slices(filenames)
    if shuffle:
        dataset = dataset.shuffle(len(filenames), shuffle_seed)
    rows_of = None
    if column_names is None or column_defaults is None:
        rows_of = _reader(_opener(compression_type, encoding), field_delim, use_quote_delim)
    if column_names is None:
        if not header:
            raise ValueError("Expected `column_names` or `header` arguments. Neither is provided.")
        column_names = _infer_names(filenames, rows_of)
    if len(column_names) != len(set(column_names)):
        raise ValueError(
            "Either `column_names` argument or CSV header row contains duplicate column "
            f"names: {_duplicates(column_names)}."
        )
    if select_columns is not None:
        select_columns = _sorted_col_indices(select_columns, column_names)
    if column_defaults is None:
        column_defaults = _infer_defaults(
            filenames,
            len(column_names),
            rows_of,
            na_value,
            header,
            num_rows_for_inference,
            select_columns,
        )
    if select_columns is not None and len(column_defaults) != len(select_columns):
        raise ValueError(
            "If specified, `column_defaults` and `select_columns` must have the same length: "
            f"`column_defaults` has length {len(column_defaults)}, `select_columns` has length "
            f"{len(select_columns)}."
        )
    if select_columns is not None and len(column_names) > len(select_columns):
        column_names = [column_names[i] for i in select_columns]
    if label_name is not None and label_name not in column_names:
        raise ValueError(
            f"`label_name` provided must be one of the columns: {column_names}. "
            f"Received: {label_name}."
        )

    def filename_to_dataset(filename):
        return CsvDataset(
            filename,
            record_defaults=column_defaults,
            field_delim=field_delim,
            use_quote_delim=use_quote_delim,
            na_value=na_value,
            select_cols=select_columns,
            header=header,
            compression_type=compression_type,
        )

    def map_fn(*columns):
        features = collections.OrderedDict(zip(column_names, columns))
        if label_name is not None:
            label = features.pop(label_name)
            return features, label
        return features

    dataset = dataset.interleave(filename_to_dataset, cycle_length=num_parallel_reads)
    if shuffle:
        dataset = dataset.shuffle(shuffle_buffer_size, shuffle_seed)
    if num_epochs != 1:
        dataset = dataset.repeat(num_epochs)
    dataset = dataset.batch(batch_size=batch_size, drop_remainder=num_epochs is None)
    mapped = dataset.map(map_fn)
    # ``map_fn`` only regroups the columns, so its spec is the batch's spec regrouped (no
    # file is read to find it).
    mapped._output_spec = map_fn(*dataset._spec())
    return mapped.prefetch(prefetch_buffer_size)

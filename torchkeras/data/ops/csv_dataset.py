"""``tf.data.experimental.CsvDataset``: the records of CSV files as tuples of scalars."""

from __future__ import annotations

import numpy as np
import torch

from ...api_export import tf_export
from ...framework import compat, dtypes
from ...framework.convert import convert_to_tensor
from ...framework.errors import InvalidArgumentError
from ...framework.op_errors import SIGNATURES, attr_error
from ...framework.tensor import TensorOperators
from ...ops import input_stream
from ..dataset_ops import Dataset
from . import _common as c
from . import csv_records
from .file_inputs import filenames_of, read_files

_ACCEPTABLE = (dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64, dtypes.string)
_ALLOWED_NAMES = ["FLOAT", "DOUBLE", "INT32", "INT64", "STRING"]


def _defaults(record_defaults):
    """``[(dtype, default or None)]`` from TF's ``record_defaults`` (a dtype: required)."""
    out = []
    for value in record_defaults:
        if not isinstance(value, TensorOperators) and value in _ACCEPTABLE:
            out.append((dtypes.as_dtype(value), None, 0))
            continue
        tensor = convert_to_tensor(value)
        array = np.asarray(tensor.numpy(), dtype=object if tensor.dtype == dtypes.string else None)
        flat = array.reshape(-1)
        out.append((tensor.dtype, flat[0] if flat.size else None, flat.size))
    return out


def _int_list(values):
    return [] if values is None else [int(v) for v in np.asarray(values).reshape(-1)]


@tf_export("data.experimental.CsvDataset")
class CsvDataset(Dataset):
    """The records of CSV files: each element a tuple with one scalar per column, typed by
    ``record_defaults`` (a value is the column's default for empty or ``na_value`` fields, a
    dtype makes the column required).  ``header`` skips each file's first line;
    ``select_cols`` / ``exclude_cols`` pick columns; ``use_quote_delim`` reads quoted
    fields."""

    _type_name = "CsvDatasetV2"

    def __init__(
        self,
        filenames,
        record_defaults,
        compression_type=None,
        buffer_size=None,
        header=False,
        field_delim=",",
        use_quote_delim=True,
        na_value="",
        select_cols=None,
        exclude_cols=None,
    ):
        self._names = filenames_of(filenames)
        self._columns = _defaults(record_defaults)
        kernel = "CSVDatasetV2_output_types_%d" % len(self._columns)

        def fail(text):
            return c.dataset_op_error("CSVDatasetV2", text, kernel)

        if not self._columns:
            raise InvalidArgumentError(
                None,
                None,
                "Length for attr 'output_types' of 0 must be at least minimum 1\n\t; NodeDef: "
                "{{node CSVDatasetV2}}; Op<name=CSVDatasetV2; %s> [Op:CSVDatasetV2] name: "
                % SIGNATURES["CSVDatasetV2"],
            )
        for dtype, _, _ in self._columns:
            if dtype not in _ACCEPTABLE:
                raise attr_error("CSVDatasetV2", dtype, "output_types", _ALLOWED_NAMES)
        for index, (_, _, size) in enumerate(self._columns):
            if size > 1:
                raise fail(
                    "There should only be 1 default per field but field %d has %d" % (index, size)
                )
        delim = compat.as_bytes(field_delim)
        if len(delim) != 1:
            raise fail("field_delim should be only 1 char")
        select, exclude = _int_list(select_cols), _int_list(exclude_cols)
        if select and exclude:
            raise fail("Either select_cols or exclude_cols should be empty")
        if select and len(select) != len(self._columns):
            raise fail("select_cols should match output size")
        for cols, what in ((select, "select_cols"), (exclude, "exclude_cols")):
            if any(v < 0 for v in cols):
                raise fail("%s should be non-negative indices" % what)
            if any(b <= a for a, b in zip(cols, cols[1:])):
                raise fail("%s should be strictly increasing indices" % what)
        self._format = csv_records.CsvFormat(
            delim, bool(use_quote_delim), compat.as_bytes(na_value), select, exclude
        )
        self._header = bool(header)
        self._compression = compat.as_str_any(compression_type or "")
        self._buffer_size = None if buffer_size is None else int(buffer_size)

    def _read(self, name):
        with input_stream.open_input(name, self._compression, self._buffer_size) as stream:
            data = stream.read_all()
        columns, na_value = self._columns, self._format.na_value

        def convert(value, index):
            dtype, default, _ = columns[index]
            field = csv_records.convert_field(value, index, default, dtype, na_value)
            return _storage(field, dtype)

        for fields in csv_records.records(data, self._format, len(columns), self._header, convert):
            yield tuple(fields)

    def _iterate(self):
        return read_files(self._names(), self._read, None, self._spec())

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY

    def _spec(self):
        return tuple(((), dtype) for dtype, _, _ in self._columns)


def _storage(value, dtype):
    """A converted field as element storage (0-d)."""
    if dtype == dtypes.string:
        return np.array(value, dtype=object)
    return torch.tensor(value, dtype=dtype.torch_dtype)

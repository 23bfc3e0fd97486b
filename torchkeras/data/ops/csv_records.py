"""The CSV record reader of ``tf.data.experimental.CsvDataset``, as TF's ``CSVDatasetV2``
kernel reads: records end at ``\\n``, ``\\r`` or ``\\r\\n`` (an empty line is a record of
one empty field), fields may be quoted (``""`` is a quote; quoted fields may span lines),
and each field is converted to its column's type with TF's errors (``ops/csv_fields``)."""

from __future__ import annotations

from ...framework import errors
from ...ops.csv_fields import convert_field

__all__ = ["CsvFormat", "records", "convert_field"]


class CsvFormat:
    """What a CSV file looks like: delimiter, quoting, NA marker and which columns to keep."""

    def __init__(self, field_delim, use_quote_delim, na_value, select_cols, exclude_cols):
        self.delim = field_delim
        self.quoting = use_quote_delim
        self.na_value = na_value
        self.select = select_cols
        self.exclude = set(exclude_cols)


def _invalid(text):
    return errors.InvalidArgumentError(None, None, text)


def _field(data, pos, fmt):
    """``(value, next_pos, ends_record)`` of the field starting at ``data[pos]``."""
    end = len(data)
    delim = fmt.delim
    if fmt.quoting and pos < end and data[pos : pos + 1] == b'"':
        out = bytearray()
        pos += 1
        while True:
            if pos >= end:
                raise _invalid("Reached end of file without closing quoted field in record")
            ch = data[pos : pos + 1]
            if ch != b'"':
                out += ch
                pos += 1
                continue
            after = data[pos + 1 : pos + 2]
            if after == b'"':
                out += b'"'
                pos += 2
            elif after == delim:
                return bytes(out), pos + 2, False
            elif after in (b"\n", b"\r", b""):
                return bytes(out), pos + 1, True
            else:
                pos += 1
    start = pos
    while pos < end:
        ch = data[pos : pos + 1]
        if ch == delim:
            return data[start:pos], pos + 1, False
        if ch in (b"\n", b"\r"):
            return data[start:pos], pos, True
        if fmt.quoting and ch == b'"':
            raise _invalid("Unquoted fields cannot have quotes inside")
        pos += 1
    return data[start:pos], pos, True


def _end_of_line(data, pos):
    """The position after the line ending at ``data[pos]`` (if any)."""
    if data[pos : pos + 2] == b"\r\n":
        return pos + 2
    if data[pos : pos + 1] in (b"\n", b"\r"):
        return pos + 1
    return pos


def _skip_record(data, pos, fmt):
    """The position after the rest of the current record (fields are still scanned, so
    quoted line breaks are honoured)."""
    while True:
        _, pos, last = _field(data, pos, fmt)
        if last:
            return _end_of_line(data, pos)


def records(data, fmt, count, header, convert):
    """Yields the kept fields of each record of ``data``, ``count`` per record, each passed
    through ``convert(value, index)`` as it is read (so a bad field is reported before a bad
    field count, as TF does); TF's errors for records with too few or too many fields."""
    pos = 0
    if header:
        if not data:
            raise _invalid("Can't read header of file")
        newline = data.find(b"\n")
        pos = len(data) if newline < 0 else newline + 1
    last_kept = fmt.select[-1] if fmt.select else None
    while pos < len(data):
        fields, column = [], 0
        while True:
            value, pos, last = _field(data, pos, fmt)
            keep = column in fmt.select if fmt.select else column not in fmt.exclude
            if keep:
                if len(fields) == count:
                    raise _invalid("Expect %d fields but have more in record" % count)
                fields.append(convert(value, len(fields)))
            column += 1
            if last:
                pos = _end_of_line(data, pos)
                break
            if last_kept is not None and column > last_kept:
                pos = _skip_record(data, pos, fmt)
                break
        if len(fields) != count:
            raise _invalid("Expect %d fields but have %d in record" % (count, len(fields)))
        yield fields

"""What runs when the data or the package is built, never when baiqiang runs (left out of the wheel).

- :mod:`.extract` reads the report's text into ``data/``; :mod:`.curated` holds the figures of
  its prose, each with the sentence it comes from.
- :mod:`.divisions` derives every county-level unit and the report's units' codes.
- :mod:`.layout` is the Hatch hook that turns the repository into the package ``baiqiang``.
"""

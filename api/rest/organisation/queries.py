"""REST: the query parameters the organisation list routes share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from api.rest.inputs import QueryText
from domain.organisation.filters import SEARCH_MAX

Search = Annotated[QueryText, Query(max_length=SEARCH_MAX, description="Search in names.")]

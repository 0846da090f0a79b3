"""schemathesis hooks for `st run` over mhkg's API (bench/fuzz.md): SPARQL sent as a request
body (application/sparql-query, application/sparql-update) is text, which schemathesis does
not know by itself. tests/server/test_fuzz_api.py registers the same."""

import schemathesis

schemathesis.serializer.alias(
    ["application/sparql-query", "application/sparql-update"], "text/plain"
)

import pytest
from django.test import Client


@pytest.mark.parametrize("by", ["", "treatment", "guideline", "page", "specialty", "year", "month", "age", "sex"])
def test_smoke(items, by):
    response = Client().get("/analytics/", {"by": by} if by else {})
    assert response.status_code == 200, response.content.decode()[:2000]
    response = Client().get(f"/analytics/{by or 'category'}.csv")
    assert response.status_code == 200
    print(response.content.decode()[:300])

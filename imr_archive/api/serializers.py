"""What the API answers, field by field: letters, items, citations, search results.

Serializers read model rows the views fetched (a view prefetches what they
follow, so a response costs a fixed number of queries). Links are absolute
addresses built from the request.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from imr_archive.api.citations import item_citation, letter_citation
from imr_archive.letters.models import Citation, Issue, Letter


def absolute(context: dict, path: str) -> str:
    return context["request"].build_absolute_uri(path)


def letter_permalink(context: dict, letter: Letter) -> str:
    return absolute(context, letter.get_absolute_url())


def letter_api_path(letter: Letter) -> str:
    return reverse("api:letter", args=[letter.case_number or letter.permalink])


class GuidelineSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="The guideline's name in addresses (/api/v1/guidelines/<slug>/).")
    name = serializers.CharField(help_text="Canonical name.")
    short_name = serializers.CharField()


class CitationSerializer(serializers.Serializer):
    source = serializers.ChoiceField(choices=Citation.SOURCE_CHOICES, help_text="Who cited it.")
    guideline = GuidelineSerializer()
    mtus = serializers.BooleanField(help_text="Whether the letter counts it as part of the MTUS.")
    edition = serializers.CharField(help_text="As written; empty when not stated.")
    chapter = serializers.CharField(help_text="Chapter number or topic as written; empty when not stated.")
    section = serializers.CharField(help_text="Regulation section as written; empty when not stated.")
    pages = serializers.ListField(child=serializers.IntegerField(), help_text="Cited pages, ranges expanded.")


class ItemLinksSerializer(serializers.Serializer):
    api = serializers.URLField(help_text="This item in the API.")
    page = serializers.URLField(help_text="The item on its letter's page (the letter's permalink, #item-N).")
    letter = serializers.URLField(help_text="Its letter in the API.")


class ItemSerializer(serializers.Serializer):
    """A disputed item with what searches filter it by; its letter's fields it carries are read-only copies."""

    id = serializers.IntegerField(help_text="Database id: changes when the archive is rebuilt (links.page does not).")
    item_number = serializers.IntegerField(source="ordinal", help_text="Position of the item in its letter, from 1.")
    treatment = serializers.CharField(help_text="The item's heading as written.")
    treatment_normalized = serializers.CharField(help_text="Treatment without doses, counts and body parts.")
    category = serializers.ChoiceField(choices=Issue.CATEGORY_CHOICES)
    outcome = serializers.ChoiceField(choices=Issue.OUTCOME_CHOICES)
    outcome_stated = serializers.BooleanField(help_text="False when the outcome was read from the rationale.")
    case_number = serializers.CharField(source="letter.case_number", allow_null=True)
    decision_date = serializers.DateField(source="letter.date_decision", allow_null=True)
    reviewer_specialty = serializers.CharField(source="letter.reviewer_specialty")
    citations = CitationSerializer(source="citations.all", many=True, help_text="The guidelines cited.")
    citation = serializers.SerializerMethodField(help_text="How to cite the item (docs/api.md, \"Citing\").")
    links = serializers.SerializerMethodField()

    def get_citation(self, issue: Issue) -> str:
        return item_citation(issue, issue.letter, letter_permalink(self.context, issue.letter))

    @extend_schema_field(ItemLinksSerializer)
    def get_links(self, issue: Issue) -> dict:
        return {
            "api": absolute(self.context, reverse("api:item", args=[issue.pk])),
            "page": f"{letter_permalink(self.context, issue.letter)}#item-{issue.ordinal}",
            "letter": absolute(self.context, letter_api_path(issue.letter)),
        }


class SearchHitSerializer(ItemSerializer):
    snippet = serializers.CharField(help_text="A passage of the item, HTML-escaped with <mark> around matched words.")


class ItemDetailSerializer(ItemSerializer):
    rationale = serializers.CharField(help_text="The expert reviewer's decision rationale.")
    claims_administrator_guideline = serializers.CharField(help_text="The claims administrator's guideline line.")
    reviewer_guideline = serializers.CharField(help_text="The expert reviewer's guideline line.")


class RecordSerializer(serializers.Serializer):
    text = serializers.CharField()
    date = serializers.DateField(allow_null=True)


class LetterLinksSerializer(serializers.Serializer):
    api = serializers.URLField(help_text="This letter in the API.")
    page = serializers.URLField(help_text="The letter's permalink: its page.")
    original = serializers.URLField(allow_null=True, help_text="The original file as received, when kept.")


class LetterSerializer(serializers.Serializer):
    permalink = serializers.SerializerMethodField(help_text="The letter's page, at an address a rebuild keeps.")
    key = serializers.CharField(source="permalink",
                                help_text="The letter's lasting key (/letter/<key>/), for letters without a case.")
    case_number = serializers.CharField(allow_null=True)
    citation = serializers.SerializerMethodField(help_text="How to cite the letter (docs/api.md, \"Citing\").")
    format = serializers.CharField(help_text="Which of the three letter layouts it uses.")
    priority = serializers.CharField()
    date_decision = serializers.DateField(allow_null=True)
    date_injury = serializers.DateField(allow_null=True)
    date_assigned = serializers.DateField(allow_null=True)
    date_ur_denial = serializers.DateField(allow_null=True)
    date_application_received = serializers.DateField(allow_null=True)
    reviewer_specialty = serializers.CharField()
    reviewer_subspecialty = serializers.CharField()
    reviewer_licensure = serializers.ListField(child=serializers.CharField())
    reviewer_board_certified = serializers.BooleanField(allow_null=True)
    patient_age = serializers.IntegerField(allow_null=True)
    patient_sex = serializers.CharField(help_text="female, male, or empty when not stated.")
    diagnoses = serializers.ListField(child=serializers.CharField())
    records_reviewed = RecordSerializer(many=True, help_text="Records the expert reviewer saw, when listed.")
    case_summary = serializers.CharField()
    determination_method = serializers.CharField()
    parser_version = serializers.CharField()
    needs_review = serializers.BooleanField(help_text="The parse is incomplete: check the text.")
    warnings = serializers.ListField(child=serializers.CharField(), help_text="What the parser could not read.")
    text = serializers.CharField(help_text="The letter's cleaned text.")
    items = ItemDetailSerializer(source="issues.all", many=True)
    links = serializers.SerializerMethodField()

    def get_permalink(self, letter: Letter) -> str:
        return letter_permalink(self.context, letter)

    def get_citation(self, letter: Letter) -> str:
        return letter_citation(letter, letter_permalink(self.context, letter))

    @extend_schema_field(LetterLinksSerializer)
    def get_links(self, letter: Letter) -> dict:
        original = reverse("web:original", args=[letter.pk]) if letter.original else None
        return {
            "api": absolute(self.context, letter_api_path(letter)),
            "page": letter_permalink(self.context, letter),
            "original": absolute(self.context, original) if original else None,
        }

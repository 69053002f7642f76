"""Every block renders through its own template and asks for what makes it accessible."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.embeds.exceptions import EmbedNotFoundException

from content.blocks import (
    ActivityBlock,
    CalloutBlock,
    FurtherReadingBlock,
    HeadingBlock,
    ImageBlock,
    KeyTakeawaysBlock,
    ModuleStreamBlock,
    VideoBlock,
)


@pytest.fixture(autouse=True)
def _no_network_embeds(monkeypatch):
    def not_found(*args, **kwargs):
        raise EmbedNotFoundException

    monkeypatch.setattr("wagtail.embeds.embeds.get_embed", not_found)


def _render(block, data, **context):
    return block.render(block.to_python(data), context=context)


def test_every_module_block_has_its_own_template():
    templates = [block.meta.template for block in ModuleStreamBlock().child_blocks.values()]
    assert all(template.startswith("content/blocks/") for template in templates)
    assert len(set(templates)) == len(templates)


def test_video_needs_a_transcript():
    block = VideoBlock()
    with pytest.raises((ValidationError, StructBlockValidationError)):
        block.clean(
            block.to_python({"title": "Intro", "video": "https://example.org/v", "transcript": ""})
        )


def test_video_shows_its_transcript_and_a_link_to_the_video(db):
    html = _render(
        VideoBlock(),
        {"title": "Intro", "video": "https://example.org/v", "transcript": "<p>Hello all.</p>"},
    )
    assert "Transcript: Intro" in html
    assert "Hello all." in html
    assert 'href="https://example.org/v"' in html


def test_image_needs_alt_text():
    block = ImageBlock()
    with pytest.raises((ValidationError, StructBlockValidationError)):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))


def test_heading_renders_at_its_level():
    html = _render(HeadingBlock(), {"text": "Why", "level": "h3"}).strip()
    assert html.startswith("<h3") and html.endswith(">Why</h3>")


def test_activity_shows_its_reflection_prompt_and_a_link_to_the_learning_log():
    html = _render(
        ActivityBlock(),
        {
            "title": "Map it",
            "instructions": "<p>Draw.</p>",
            "reflection_prompt": "What surprised you?",
        },
        block_id="abc",
        reflections_url="/learning/modules/1/reflections/",
    )
    assert "Activity: Map it" in html
    assert "What surprised you?" in html
    assert 'href="/learning/modules/1/reflections/#id_prompt-abc"' in html


def test_activity_without_prompt_asks_nothing():
    html = _render(ActivityBlock(), {"title": "Read", "instructions": "<p>Read.</p>"})
    assert "Reflect" not in html


def test_takeaways_reading_and_callout_render_their_content():
    assert ">One</li>" in _render(
        KeyTakeawaysBlock(), {"heading": "Key takeaways", "items": ["One"]}
    )
    reading = _render(
        FurtherReadingBlock(),
        {
            "heading": "Further reading",
            "items": [{"title": "Report", "url": "https://example.org", "description": ""}],
        },
    )
    assert 'href="https://example.org">Report</a>' in reading
    callout = _render(CalloutBlock(), {"style": "warning", "heading": "", "text": "<p>Careful</p>"})
    assert 'aria-label="Warning"' in callout


def test_module_body_refuses_a_video_without_transcript():
    block = ModuleStreamBlock()
    value = block.to_python(
        [
            {
                "type": "video",
                "value": {"title": "Intro", "video": "https://example.org/v", "transcript": ""},
            }
        ]
    )
    with pytest.raises((ValidationError, StreamBlockValidationError)):
        block.clean(value)

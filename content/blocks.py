"""StreamField blocks shared by every page type: one template per block, in
templates/content/blocks/.

Each block asks for what makes it accessible: a video needs its transcript, an image its alt text.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "content/blocks/heading.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    video = EmbedBlock(help_text="A link to the video (YouTube, Vimeo or similar).")
    transcript = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        help_text="Required: a full transcript, for people who cannot watch or hear the video.",
    )

    class Meta:
        icon = "media"
        template = "content/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(max_length=200, required=False, help_text="Defaults to the title.")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        label = "Document or slides"
        template = "content/blocks/document.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Required: what the image shows, for people using a screen reader.",
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "content/blocks/image.html"


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    instructions = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    reflection_prompt = blocks.TextBlock(
        required=False,
        help_text="Optional: a question participants answer in their private learning log.",
    )

    class Meta:
        icon = "tasks"
        template = "content/blocks/activity.html"


class KeyTakeawaysBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200, default="Key takeaways")
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "content/blocks/key_takeaways.html"


class ReadingItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=250)
    url = blocks.URLBlock(required=False)
    description = blocks.TextBlock(required=False)


class FurtherReadingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200, default="Further reading")
    items = blocks.ListBlock(ReadingItemBlock(), min_num=1)

    class Meta:
        icon = "link"
        template = "content/blocks/further_reading.html"


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("warning", "Warning"), ("example", "Example")],
        default="info",
    )
    heading = blocks.CharBlock(max_length=200, required=False)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Call-out"
        template = "content/blocks/callout.html"


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "content/blocks/rich_text.html"


class GeneralStreamBlock(blocks.StreamBlock):
    """The body of a general page."""

    heading = HeadingBlock()
    paragraph = RichTextBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    document = DocumentBlock()
    callout = CalloutBlock()


class ModuleStreamBlock(GeneralStreamBlock):
    """The body of a module: general blocks plus learning blocks."""

    video = VideoBlock()
    activity = ActivityBlock()
    key_takeaways = KeyTakeawaysBlock()
    further_reading = FurtherReadingBlock()

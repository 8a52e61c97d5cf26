## This language's own name, as the language switcher shows it.

language-name = ᱥᱟᱱᱛᱟᱲᱤ

## The hosted consent page.

page-language = ᱯᱟᱹᱨᱥᱤ
page-asks-consent = { $org } ᱫᱚ ᱟᱢᱟᱜ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱠᱷᱚᱡ ᱮᱫᱟᱭ
page-notice = ᱠᱷᱚᱵᱚᱨ
page-purposes = ᱟᱢᱟᱜ ᱰᱟᱴᱟ ᱫᱚ ᱪᱮᱫ ᱞᱟᱹᱜᱤᱫ ᱵᱮᱵᱷᱟᱨᱚᱜᱼᱟ
page-purposes-hint = ᱡᱟᱦᱟᱸ ᱩᱫᱽᱫᱮᱥ ᱠᱚ ᱨᱮ ᱟᱢ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱠᱟᱱᱟᱢ, ᱚᱱᱟ ᱠᱚ ᱪᱤᱱᱦᱟᱹ ᱢᱮ, ᱛᱟᱭᱚᱢ ᱛᱮ ᱟᱢᱟᱜ ᱵᱟᱪᱷᱟᱣ ᱥᱟᱺᱪᱟᱣ ᱢᱮ ᱾ ᱟᱨᱵᱟᱝ ᱡᱷᱚᱛᱚ ᱠᱚ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱢᱮ ᱟᱨᱵᱟᱝ ᱡᱷᱚᱛᱚ ᱠᱚ ᱵᱟᱹᱨᱜᱤᱞ ᱢᱮ ᱾
page-required = ᱞᱟᱹᱠᱛᱤᱭᱟᱱ
page-data-used = ᱵᱮᱵᱷᱟᱨᱚᱜ ᱠᱟᱱ ᱰᱟᱴᱟ: { $categories }
page-approve = ᱦᱮᱸᱥᱟᱹᱨᱤ ᱢᱮ
page-decline = ᱵᱟᱹᱨᱜᱤᱞ ᱢᱮ
page-save = ᱵᱟᱪᱷᱟᱣ ᱥᱟᱺᱪᱟᱣ ᱢᱮ
page-withdraw = ᱦᱮᱸᱥᱟᱹᱨᱤ ᱨᱩᱣᱟᱹᱲ ᱤᱫᱤ ᱢᱮ
page-receipt-title = ᱟᱢᱟᱜ ᱵᱤᱪᱟᱹᱨ ᱚᱞ ᱫᱚᱦᱚ ᱮᱱᱟ
page-receipt-summary =
    { $action ->
        [approved] ᱟᱢ { $date } ᱨᱮ ᱡᱷᱚᱛᱚ ᱩᱫᱽᱫᱮᱥ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱠᱮᱫᱟᱢ ᱾
        [declined] ᱟᱢ { $date } ᱨᱮ ᱡᱷᱚᱛᱚ ᱩᱫᱽᱫᱮᱥ ᱵᱟᱹᱨᱜᱤᱞ ᱠᱮᱫᱟᱢ ᱾
        [withdrawn] ᱟᱢ { $date } ᱨᱮ ᱟᱢᱟᱜ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱨᱩᱣᱟᱹᱲ ᱤᱫᱤ ᱠᱮᱫᱟᱢ ᱾
       *[partial] ᱟᱢ { $date } ᱨᱮ ᱛᱤᱱᱟᱹᱜ ᱜᱟᱱ ᱩᱫᱽᱫᱮᱥ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱠᱮᱫᱟᱢ ᱾
    }
page-granted = ᱪᱷᱟᱹᱰ ᱢᱮᱱᱟᱜᱼᱟ
page-not-granted = ᱪᱷᱟᱹᱰ ᱵᱟᱹᱱᱩᱜᱼᱟ
page-reference = ᱪᱤᱱᱦᱟᱹ: { $reference }
page-change-hint = ᱱᱚᱣᱟ ᱜᱮ ᱞᱤᱝᱠ ᱛᱮ ᱟᱢ ᱡᱟᱦᱟᱸ ᱚᱠᱛᱚ ᱜᱮ ᱟᱢᱟᱜ ᱵᱤᱪᱟᱹᱨ ᱵᱚᱫᱚᱞ ᱟᱨᱵᱟᱝ ᱨᱩᱣᱟᱹᱲ ᱤᱫᱤ ᱫᱟᱲᱮᱭᱟᱜᱼᱟᱢ ᱾
page-receipt-download = ᱥᱩᱦᱤ ᱟᱠᱟᱱ ᱨᱚᱥᱤᱫ ᱰᱟᱩᱱᱞᱚᱰ ᱢᱮ
page-export = ᱟᱢᱟᱜ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱵᱟᱵᱚᱛ ᱚᱞ ᱫᱚᱦᱚ ᱟᱠᱟᱱ ᱡᱚᱛᱚ ᱠᱟᱛᱷᱟ ᱰᱟᱩᱱᱞᱚᱰ ᱢᱮ
page-valid-until = ᱱᱚᱣᱟ ᱞᱤᱝᱠ ᱫᱚ { $date } ᱫᱷᱟᱹᱵᱤᱡ ᱠᱟᱹᱢᱤᱭᱟ ᱾
page-expired-title = ᱱᱚᱣᱟ ᱞᱤᱝᱠ ᱨᱮᱭᱟᱜ ᱚᱠᱛᱚ ᱪᱟᱵᱟ ᱮᱱᱟ
page-expired-body = ᱦᱮᱸᱥᱟᱹᱨᱤ ᱞᱤᱝᱠ ᱠᱚ ᱫᱚ ᱢᱤᱫ ᱛᱷᱤᱨ ᱚᱠᱛᱚ ᱫᱷᱟᱹᱵᱤᱡ ᱜᱮ ᱠᱟᱹᱢᱤᱭᱟ ᱾ ᱡᱟᱦᱟᱸ ᱜᱟᱶᱛᱟ ᱱᱚᱣᱟ ᱞᱤᱝᱠ ᱠᱩᱞ ᱟᱠᱟᱫᱟ, ᱚᱱᱟ ᱴᱷᱮᱱ ᱢᱤᱫᱴᱟᱹᱝ ᱱᱟᱶᱟ ᱞᱤᱝᱠ ᱠᱷᱚᱡ ᱢᱮ ᱾
page-replaced-title = ᱱᱚᱣᱟ ᱞᱤᱝᱠ ᱫᱚ ᱵᱚᱫᱚᱞ ᱮᱱᱟ
page-replaced-body = ᱱᱚᱣᱟ ᱱᱮᱦᱚᱨ ᱞᱟᱹᱜᱤᱫ ᱢᱤᱫᱴᱟᱹᱝ ᱱᱟᱶᱟ ᱞᱤᱝᱠ ᱠᱩᱞ ᱮᱱᱟ ᱾ ᱫᱟᱭᱟᱠᱟᱛᱮ ᱢᱩᱪᱟᱹᱫ ᱨᱮ ᱧᱟᱢ ᱠᱟᱱ ᱠᱷᱚᱵᱚᱨ ᱵᱮᱵᱷᱟᱨ ᱢᱮ ᱾
page-unknown-title = ᱞᱤᱝᱠ ᱵᱟᱝ ᱧᱟᱢ ᱞᱮᱱᱟ
page-unknown-body = ᱱᱚᱣᱟ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱞᱤᱝᱠ ᱫᱚ ᱵᱟᱹᱱᱩᱜᱼᱟ ᱾ ᱧᱮᱞ ᱢᱮ, ᱟᱢ ᱯᱩᱨᱟᱹ ᱞᱤᱝᱠ ᱡᱷᱤᱡᱽ ᱠᱮᱫᱟᱢ ᱥᱮ ᱵᱟᱝ ᱾
page-error-title = ᱡᱟᱦᱟᱱᱟᱜ ᱵᱷᱩᱞ ᱦᱩᱭ ᱮᱱᱟ
page-error-body = ᱫᱟᱭᱟᱠᱟᱛᱮ ᱠᱟᱴᱤᱡ ᱜᱷᱟᱹᱲᱤ ᱛᱟᱭᱚᱢ ᱫᱩᱦᱲᱟᱹ ᱪᱮᱥᱴᱟᱭ ᱢᱮ ᱾

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] ᱱᱚᱣᱟ ᱞᱤᱝᱠ ᱛᱮ ᱠᱟᱴᱤᱡ ᱚᱠᱛᱚ ᱨᱮ ᱟᱭᱢᱟ ᱵᱤᱪᱟᱹᱨ ᱦᱩᱭ ᱮᱱᱟ ᱾ ᱟᱢᱟᱜ ᱢᱩᱪᱟᱹᱫ ᱵᱟᱪᱷᱟᱣ ᱵᱟᱝ ᱥᱟᱺᱪᱟᱣ ᱞᱮᱱᱟ; { $minutes } ᱢᱤᱱᱤᱴ ᱛᱟᱭᱚᱢ ᱫᱩᱦᱲᱟᱹ ᱪᱮᱥᱴᱟᱭ ᱢᱮ ᱾
       *[other] ᱱᱚᱣᱟ ᱞᱤᱝᱠ ᱛᱮ ᱠᱟᱴᱤᱡ ᱚᱠᱛᱚ ᱨᱮ ᱟᱭᱢᱟ ᱵᱤᱪᱟᱹᱨ ᱦᱩᱭ ᱮᱱᱟ ᱾ ᱟᱢᱟᱜ ᱢᱩᱪᱟᱹᱫ ᱵᱟᱪᱷᱟᱣ ᱵᱟᱝ ᱥᱟᱺᱪᱟᱣ ᱞᱮᱱᱟ; { $minutes } ᱢᱤᱱᱤᱴ ᱛᱟᱭᱚᱢ ᱫᱩᱦᱲᱟᱹ ᱪᱮᱥᱴᱟᱭ ᱢᱮ ᱾
    }
decision-missing = ᱢᱤᱫᱴᱟᱹᱝ ᱵᱟᱪᱷᱟᱣ ᱢᱮ: “ᱦᱮᱸᱥᱟᱹᱨᱤ ᱢᱮ”, “ᱵᱟᱪᱷᱟᱣ ᱥᱟᱺᱪᱟᱣ ᱢᱮ” ᱟᱨᱵᱟᱝ “ᱵᱟᱹᱨᱜᱤᱞ ᱢᱮ” ᱾
decision-invalid = ᱱᱚᱣᱟ ᱵᱟᱪᱷᱟᱣ ᱫᱚ ᱵᱟᱝ ᱥᱟᱺᱪᱟᱣ ᱫᱟᱲᱮᱭᱟᱜᱼᱟ: ᱱᱚᱣᱟ ᱥᱟᱦᱴᱟ ᱡᱷᱤᱡᱽ ᱛᱟᱭᱚᱢ ᱠᱷᱚᱵᱚᱨ ᱫᱚ ᱵᱚᱫᱚᱞ ᱟᱠᱟᱱᱟ ᱾ ᱥᱟᱦᱴᱟ ᱫᱩᱦᱲᱟᱹ ᱞᱟᱫᱮ ᱢᱮ ᱟᱨ ᱫᱩᱦᱲᱟᱹ ᱵᱟᱪᱷᱟᱣ ᱢᱮ ᱾
decision-unreadable = ᱟᱢᱟᱜ ᱵᱟᱪᱷᱟᱣ ᱫᱚ ᱵᱟᱝ ᱥᱮᱴᱮᱨ ᱞᱮᱱᱟ ᱾ ᱫᱟᱭᱟᱠᱟᱛᱮ ᱫᱩᱦᱲᱟᱹ ᱪᱮᱥᱴᱟᱭ ᱢᱮ ᱾
decision-failed-body = ᱟᱢᱟᱜ ᱵᱤᱪᱟᱹᱨ ᱵᱟᱝ ᱥᱟᱺᱪᱟᱣ ᱞᱮᱱᱟ ᱾ ᱫᱟᱭᱟᱠᱟᱛᱮ ᱫᱩᱦᱲᱟᱹ ᱪᱮᱥᱴᱟᱭ ᱢᱮ ᱾

## The email that carries a consent link.

email-link-subject = { $org }: ᱟᱢᱟᱜ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱠᱷᱚᱡᱚᱜ ᱠᱟᱱᱟ
email-link-heading = { $org } ᱫᱚ ᱟᱢᱟᱜ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱠᱷᱚᱡ ᱮᱫᱟᱭ
email-link-intro = { $org } ᱫᱚ “{ $collection }” ᱞᱟᱹᱜᱤᱫ ᱟᱢᱟᱜ ᱦᱮᱸᱥᱟᱹᱨᱤ ᱠᱷᱚᱡ ᱮᱫᱟᱭ ᱾ ᱩᱱᱠᱩ ᱟᱢᱟᱜ ᱰᱟᱴᱟ ᱛᱮ ᱪᱮᱫ ᱠᱚᱨᱟᱣ ᱥᱟᱱᱟᱢ ᱠᱟᱱᱟ, ᱚᱱᱟ ᱯᱟᱲᱦᱟᱣ ᱢᱮ ᱟᱨ ᱢᱤᱫ ᱢᱤᱫ ᱩᱫᱽᱫᱮᱥ ᱞᱟᱹᱜᱤᱫ ᱵᱷᱤᱱ ᱵᱷᱤᱱ ᱵᱤᱪᱟᱹᱨ ᱢᱮ ᱾
email-link-button = ᱯᱟᱲᱦᱟᱣ ᱠᱟᱛᱮ ᱵᱤᱪᱟᱹᱨ ᱢᱮ
email-link-expiry = ᱱᱚᱣᱟ ᱞᱤᱝᱠ ᱫᱚ { $date } ᱫᱷᱟᱹᱵᱤᱡ ᱠᱟᱹᱢᱤᱭᱟ ᱾ ᱛᱟᱭᱚᱢ ᱛᱮ ᱱᱚᱣᱟ ᱜᱮ ᱞᱤᱝᱠ ᱛᱮ ᱟᱢ ᱟᱢᱟᱜ ᱵᱤᱪᱟᱹᱨ ᱵᱚᱫᱚᱞ ᱟᱨᱵᱟᱝ ᱨᱩᱣᱟᱹᱲ ᱤᱫᱤ ᱫᱟᱲᱮᱭᱟᱜᱼᱟᱢ ᱾

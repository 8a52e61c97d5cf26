## This language's own name, as the language switcher shows it.

language-name = ꯃꯤꯇꯩꯂꯣꯟ

## The hosted consent page.

page-language = ꯂꯣꯟ
page-asks-consent = { $org } ꯅꯥ ꯅꯍꯥꯛꯀꯤ ꯑꯌꯥꯕꯥ ꯍꯥꯏꯖꯔꯤ
page-notice = ꯈꯪꯍꯟꯕꯥ
page-purposes = ꯅꯍꯥꯛꯀꯤ ꯗꯦꯇꯥ ꯀꯔꯤꯒꯤꯗꯃꯛ ꯁꯤꯖꯤꯟꯅꯒꯅꯤ
page-purposes-hint = ꯅꯍꯥꯛꯅꯥ ꯌꯥꯕꯥ ꯄꯥꯟꯗꯝꯁꯤꯡ ꯈꯟꯗꯨꯅꯥ ꯅꯍꯥꯛꯀꯤ ꯈꯟꯕꯁꯤꯡ ꯇꯨꯡꯁꯤꯟꯕꯤꯌꯨ꯫ ꯅꯠꯇ꯭ꯔꯒꯥ ꯄꯥꯟꯗꯝ ꯄꯨꯝꯅꯃꯛ ꯌꯥꯕꯤꯌꯨ ꯅꯠꯇ꯭ꯔꯒꯥ ꯄꯨꯝꯅꯃꯛꯇꯥ ꯌꯥꯗꯕꯥ ꯐꯣꯡꯗꯣꯛꯄꯤꯌꯨ꯫
page-required = ꯃꯊꯧ ꯇꯥꯕꯥ
page-data-used = ꯁꯤꯖꯤꯟꯅꯒꯗꯕꯥ ꯗꯦꯇꯥ: { $categories }
page-approve = ꯌꯥꯕꯤꯌꯨ
page-decline = ꯌꯥꯗꯕꯥ ꯐꯣꯡꯗꯣꯛꯄꯤꯌꯨ
page-save = ꯈꯟꯕꯁꯤꯡ ꯇꯨꯡꯁꯤꯟꯕꯤꯌꯨ
page-withdraw = ꯑꯌꯥꯕꯥ ꯍꯟꯗꯣꯛꯄꯤꯌꯨ
page-receipt-title = ꯅꯍꯥꯛꯀꯤ ꯋꯥꯔꯦꯞ ꯏꯔꯛꯂꯦ
page-receipt-summary =
    { $action ->
        [approved] ꯅꯍꯥꯛꯅꯥ { $date } ꯗꯥ ꯄꯥꯟꯗꯝ ꯄꯨꯝꯅꯃꯛ ꯌꯥꯈꯤ꯫
        [declined] ꯅꯍꯥꯛꯅꯥ { $date } ꯗꯥ ꯄꯥꯟꯗꯝ ꯑꯃꯠꯇꯥ ꯌꯥꯈꯤꯗꯦ꯫
        [withdrawn] ꯅꯍꯥꯛꯅꯥ { $date } ꯗꯥ ꯅꯍꯥꯛꯀꯤ ꯑꯌꯥꯕꯥ ꯍꯟꯗꯣꯛꯈꯤ꯫
       *[partial] ꯅꯍꯥꯛꯅꯥ { $date } ꯗꯥ ꯄꯥꯟꯗꯝ ꯈꯔꯥ ꯌꯥꯈꯤ꯫
    }
page-granted = ꯑꯌꯥꯕꯥ ꯄꯤꯔꯦ
page-not-granted = ꯑꯌꯥꯕꯥ ꯄꯤꯗꯦ
page-reference = ꯔꯦꯐꯔꯦꯟꯁ: { $reference }
page-change-hint = ꯅꯍꯥꯛꯅꯥ ꯂꯤꯡꯛ ꯑꯁꯤꯃꯛꯀꯤ ꯈꯨꯠꯊꯥꯡꯗꯥ ꯀꯅꯥꯒꯨꯝꯕꯥ ꯃꯇꯝꯗꯁꯨ ꯅꯍꯥꯛꯀꯤ ꯋꯥꯔꯦꯞ ꯍꯣꯡꯗꯣꯛꯄꯥ ꯅꯠꯇ꯭ꯔꯒꯥ ꯑꯌꯥꯕꯥ ꯍꯟꯗꯣꯛꯄꯥ ꯌꯥꯏ꯫
page-receipt-download = ꯁꯥꯏꯟ ꯇꯧꯔꯕꯥ ꯔꯁꯤꯗ ꯗꯥꯎꯟꯂꯣꯗ ꯇꯧꯕꯤꯌꯨ
page-export = ꯅꯍꯥꯛꯀꯤ ꯑꯌꯥꯕꯥꯒꯤ ꯃꯇꯥꯡꯗꯥ ꯏꯔꯛꯄꯥ ꯄꯨꯝꯅꯃꯛ ꯗꯥꯎꯟꯂꯣꯗ ꯇꯧꯕꯤꯌꯨ
page-valid-until = ꯂꯤꯡꯛ ꯑꯁꯤ { $date } ꯐꯥꯑꯣꯕꯥ ꯁꯤꯖꯤꯟꯅꯕꯥ ꯌꯥꯏ꯫
page-expired-title = ꯂꯤꯡꯛ ꯑꯁꯤꯒꯤ ꯃꯇꯝ ꯂꯣꯏꯔꯦ
page-expired-body = ꯑꯌꯥꯕꯥ ꯍꯥꯏꯖꯕꯥ ꯂꯤꯡꯛꯁꯤꯡ ꯑꯁꯤ ꯂꯦꯞꯂꯕꯥ ꯃꯇꯝ ꯈꯔꯗꯥ ꯈꯛꯇꯃꯛ ꯁꯤꯖꯤꯟꯅꯕꯥ ꯌꯥꯏ꯫ ꯂꯤꯡꯛ ꯑꯁꯤ ꯊꯥꯔꯛꯄꯥ ꯀꯥꯡꯂꯨꯞ ꯑꯗꯨꯗꯒꯤ ꯑꯅꯧꯕꯥ ꯂꯤꯡꯛ ꯑꯃꯥ ꯍꯥꯏꯖꯕꯤꯌꯨ꯫
page-replaced-title = ꯂꯤꯡꯛ ꯑꯁꯤ ꯍꯣꯡꯗꯣꯛꯂꯦ
page-replaced-body = ꯍꯥꯏꯖꯕꯥ ꯑꯁꯤꯒꯤꯗꯃꯛ ꯑꯅꯧꯕꯥ ꯂꯤꯡꯛ ꯑꯃꯥ ꯊꯥꯔꯦ꯫ ꯆꯥꯟꯕꯤꯗꯨꯅꯥ ꯅꯍꯥꯛꯅꯥ ꯐꯪꯈꯤꯕꯥ ꯈ꯭ꯋꯥꯏꯗꯒꯤ ꯑꯅꯧꯕꯥ ꯄꯥꯎꯖꯦꯜ ꯑꯗꯨ ꯁꯤꯖꯤꯟꯅꯕꯤꯌꯨ꯫
page-unknown-title = ꯂꯤꯡꯛ ꯐꯪꯗꯦ
page-unknown-body = ꯑꯌꯥꯕꯥ ꯍꯥꯏꯖꯕꯥ ꯂꯤꯡꯛ ꯑꯁꯤ ꯂꯩꯇꯦ꯫ ꯅꯍꯥꯛꯅꯥ ꯂꯤꯡꯛ ꯑꯁꯤ ꯃꯄꯨꯡ ꯐꯥꯅꯥ ꯍꯥꯡꯗꯣꯛꯈꯤꯕꯔꯥ ꯌꯦꯡꯕꯤꯌꯨ꯫
page-error-title = ꯀꯔꯤꯒꯨꯝꯕꯥ ꯑꯃꯥ ꯑꯔꯥꯟꯕꯥ ꯊꯣꯛꯂꯦ
page-error-body = ꯆꯥꯟꯕꯤꯗꯨꯅꯥ ꯃꯇꯝ ꯈꯔꯥ ꯉꯥꯏꯔꯒꯥ ꯑꯃꯨꯛ ꯍꯟꯅꯥ ꯍꯣꯠꯅꯕꯤꯌꯨ꯫

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] ꯂꯤꯡꯛ ꯑꯁꯤꯗꯒꯤ ꯃꯇꯝ ꯈꯔꯒꯤ ꯃꯅꯨꯡꯗꯥ ꯋꯥꯔꯦꯞ ꯀꯌꯥ ꯂꯧꯔꯦ꯫ ꯅꯍꯥꯛꯀꯤ ꯑꯔꯣꯏꯕꯥ ꯈꯟꯕꯥ ꯑꯗꯨ ꯇꯨꯡꯁꯤꯟꯕꯥ ꯉꯝꯈꯤꯗꯦ꯫ ꯃꯤꯅꯤꯠ { $minutes } ꯉꯥꯏꯔꯒꯥ ꯑꯃꯨꯛ ꯍꯟꯅꯥ ꯍꯣꯠꯅꯕꯤꯌꯨ꯫
       *[other] ꯂꯤꯡꯛ ꯑꯁꯤꯗꯒꯤ ꯃꯇꯝ ꯈꯔꯒꯤ ꯃꯅꯨꯡꯗꯥ ꯋꯥꯔꯦꯞ ꯀꯌꯥ ꯂꯧꯔꯦ꯫ ꯅꯍꯥꯛꯀꯤ ꯑꯔꯣꯏꯕꯥ ꯈꯟꯕꯥ ꯑꯗꯨ ꯇꯨꯡꯁꯤꯟꯕꯥ ꯉꯝꯈꯤꯗꯦ꯫ ꯃꯤꯅꯤꯠ { $minutes } ꯉꯥꯏꯔꯒꯥ ꯑꯃꯨꯛ ꯍꯟꯅꯥ ꯍꯣꯠꯅꯕꯤꯌꯨ꯫
    }
decision-missing = ꯑꯃꯥ ꯈꯟꯕꯤꯌꯨ: “ꯌꯥꯕꯤꯌꯨ”, “ꯈꯟꯕꯁꯤꯡ ꯇꯨꯡꯁꯤꯟꯕꯤꯌꯨ” ꯅꯠꯇ꯭ꯔꯒꯥ “ꯌꯥꯗꯕꯥ ꯐꯣꯡꯗꯣꯛꯄꯤꯌꯨ”꯫
decision-invalid = ꯈꯟꯕꯥ ꯑꯁꯤ ꯇꯨꯡꯁꯤꯟꯕꯥ ꯌꯥꯗꯦ: ꯂꯃꯥꯏ ꯑꯁꯤ ꯍꯥꯡꯗꯣꯛꯈꯤꯕꯥ ꯃꯇꯨꯡꯗꯥ ꯈꯪꯍꯟꯕꯥ ꯑꯗꯨ ꯍꯣꯡꯂꯦ꯫ ꯂꯃꯥꯏ ꯑꯁꯤ ꯑꯃꯨꯛ ꯍꯟꯅꯥ ꯍꯥꯡꯗꯣꯛꯇꯨꯅꯥ ꯑꯃꯨꯛ ꯍꯟꯅꯥ ꯈꯟꯕꯤꯌꯨ꯫
decision-unreadable = ꯅꯍꯥꯛꯀꯤ ꯈꯟꯕꯥ ꯑꯗꯨ ꯌꯧꯔꯛꯇꯦ꯫ ꯆꯥꯟꯕꯤꯗꯨꯅꯥ ꯑꯃꯨꯛ ꯍꯟꯅꯥ ꯍꯣꯠꯅꯕꯤꯌꯨ꯫
decision-failed-body = ꯅꯍꯥꯛꯀꯤ ꯋꯥꯔꯦꯞ ꯑꯗꯨ ꯇꯨꯡꯁꯤꯟꯕꯥ ꯉꯝꯈꯤꯗꯦ꯫ ꯆꯥꯟꯕꯤꯗꯨꯅꯥ ꯑꯃꯨꯛ ꯍꯟꯅꯥ ꯍꯣꯠꯅꯕꯤꯌꯨ꯫

## The email that carries a consent link.

email-link-subject = { $org }: ꯅꯍꯥꯛꯀꯤ ꯑꯌꯥꯕꯥ ꯍꯥꯏꯖꯔꯤ
email-link-heading = { $org } ꯅꯥ ꯅꯍꯥꯛꯀꯤ ꯑꯌꯥꯕꯥ ꯍꯥꯏꯖꯔꯤ
email-link-intro = { $org } ꯅꯥ “{ $collection }” ꯒꯤꯗꯃꯛ ꯅꯍꯥꯛꯀꯤ ꯑꯌꯥꯕꯥ ꯍꯥꯏꯖꯔꯤ꯫ ꯃꯈꯣꯌꯅꯥ ꯅꯍꯥꯛꯀꯤ ꯗꯦꯇꯥ ꯑꯗꯨ ꯀꯔꯤ ꯇꯧꯅꯤꯡꯕꯒꯦ ꯍꯥꯏꯕꯗꯨ ꯄꯥꯗꯨꯅꯥ ꯄꯥꯟꯗꯝ ꯈꯨꯗꯤꯡꯒꯤꯗꯃꯛ ꯇꯣꯉꯥꯟꯅꯥ ꯋꯥꯔꯦꯞ ꯂꯧꯕꯤꯌꯨ꯫
email-link-button = ꯄꯥꯗꯨꯅꯥ ꯋꯥꯔꯦꯞ ꯂꯧꯕꯤꯌꯨ
email-link-expiry = ꯂꯤꯡꯛ ꯑꯁꯤ { $date } ꯐꯥꯑꯣꯕꯥ ꯁꯤꯖꯤꯟꯅꯕꯥ ꯌꯥꯏ꯫ ꯅꯍꯥꯛꯅꯥ ꯃꯇꯨꯡꯗꯥ ꯂꯤꯡꯛ ꯑꯁꯤꯃꯛꯀꯤ ꯈꯨꯠꯊꯥꯡꯗꯥ ꯅꯍꯥꯛꯀꯤ ꯋꯥꯔꯦꯞ ꯍꯣꯡꯗꯣꯛꯄꯥ ꯅꯠꯇ꯭ꯔꯒꯥ ꯑꯌꯥꯕꯥ ꯍꯟꯗꯣꯛꯄꯥ ꯌꯥꯏ꯫

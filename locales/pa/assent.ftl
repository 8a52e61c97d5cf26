## This language's own name, as the language switcher shows it.

language-name = ਪੰਜਾਬੀ

## The hosted consent page.

page-language = ਭਾਸ਼ਾ
page-asks-consent = { $org } ਤੁਹਾਡੀ ਸਹਿਮਤੀ ਮੰਗਦਾ ਹੈ
page-notice = ਸੂਚਨਾ
page-purposes = ਤੁਹਾਡੇ ਡਾਟੇ ਦੀ ਵਰਤੋਂ ਕਿਸ ਲਈ ਕੀਤੀ ਜਾਵੇਗੀ
page-purposes-hint = ਜਿਨ੍ਹਾਂ ਮਕਸਦਾਂ ਨਾਲ ਤੁਸੀਂ ਸਹਿਮਤ ਹੋ, ਉਨ੍ਹਾਂ ਉੱਤੇ ਨਿਸ਼ਾਨ ਲਗਾਓ ਅਤੇ ਫਿਰ ਆਪਣੀਆਂ ਚੋਣਾਂ ਸੰਭਾਲੋ। ਜਾਂ ਸਾਰੇ ਮਕਸਦ ਮਨਜ਼ੂਰ ਜਾਂ ਨਾਮਨਜ਼ੂਰ ਕਰੋ।
page-required = ਲਾਜ਼ਮੀ
page-data-used = ਵਰਤਿਆ ਜਾਣ ਵਾਲਾ ਡਾਟਾ: { $categories }
page-approve = ਮਨਜ਼ੂਰ ਕਰੋ
page-decline = ਨਾਮਨਜ਼ੂਰ ਕਰੋ
page-save = ਚੋਣਾਂ ਸੰਭਾਲੋ
page-withdraw = ਸਹਿਮਤੀ ਵਾਪਸ ਲਓ
page-receipt-title = ਤੁਹਾਡਾ ਫ਼ੈਸਲਾ ਦਰਜ ਹੋ ਗਿਆ ਹੈ
page-receipt-summary =
    { $action ->
        [approved] ਤੁਸੀਂ { $date } ਨੂੰ ਸਾਰੇ ਮਕਸਦ ਮਨਜ਼ੂਰ ਕੀਤੇ।
        [declined] ਤੁਸੀਂ { $date } ਨੂੰ ਸਾਰੇ ਮਕਸਦ ਨਾਮਨਜ਼ੂਰ ਕੀਤੇ।
        [withdrawn] ਤੁਸੀਂ { $date } ਨੂੰ ਆਪਣੀ ਸਹਿਮਤੀ ਵਾਪਸ ਲਈ।
       *[partial] ਤੁਸੀਂ { $date } ਨੂੰ ਕੁਝ ਮਕਸਦ ਮਨਜ਼ੂਰ ਕੀਤੇ।
    }
page-granted = ਇਜਾਜ਼ਤ ਹੈ
page-not-granted = ਇਜਾਜ਼ਤ ਨਹੀਂ ਹੈ
page-reference = ਹਵਾਲਾ: { $reference }
page-change-hint = ਤੁਸੀਂ ਇਸੇ ਲਿੰਕ ਰਾਹੀਂ ਕਿਸੇ ਵੀ ਸਮੇਂ ਆਪਣਾ ਫ਼ੈਸਲਾ ਬਦਲ ਸਕਦੇ ਹੋ ਜਾਂ ਸਹਿਮਤੀ ਵਾਪਸ ਲੈ ਸਕਦੇ ਹੋ।
page-receipt-download = ਦਸਤਖ਼ਤ ਕੀਤੀ ਰਸੀਦ ਡਾਊਨਲੋਡ ਕਰੋ
page-export = ਤੁਹਾਡੀ ਸਹਿਮਤੀ ਬਾਰੇ ਦਰਜ ਸਭ ਕੁਝ ਡਾਊਨਲੋਡ ਕਰੋ
page-valid-until = ਇਹ ਲਿੰਕ { $date } ਤੱਕ ਕੰਮ ਕਰੇਗਾ।
page-expired-title = ਇਸ ਲਿੰਕ ਦੀ ਮਿਆਦ ਖ਼ਤਮ ਹੋ ਗਈ ਹੈ
page-expired-body = ਸਹਿਮਤੀ ਲਿੰਕ ਸੀਮਤ ਸਮੇਂ ਲਈ ਹੀ ਕੰਮ ਕਰਦੇ ਹਨ। ਜਿਸ ਸੰਸਥਾ ਨੇ ਇਹ ਭੇਜਿਆ ਹੈ, ਉਸ ਤੋਂ ਨਵਾਂ ਲਿੰਕ ਮੰਗੋ।
page-replaced-title = ਇਹ ਲਿੰਕ ਬਦਲ ਦਿੱਤਾ ਗਿਆ ਹੈ
page-replaced-body = ਇਸ ਬੇਨਤੀ ਲਈ ਇੱਕ ਨਵਾਂ ਲਿੰਕ ਭੇਜਿਆ ਗਿਆ ਹੈ। ਕਿਰਪਾ ਕਰਕੇ ਤੁਹਾਨੂੰ ਮਿਲਿਆ ਸਭ ਤੋਂ ਨਵਾਂ ਸੁਨੇਹਾ ਵਰਤੋ।
page-unknown-title = ਲਿੰਕ ਨਹੀਂ ਮਿਲਿਆ
page-unknown-body = ਇਹ ਸਹਿਮਤੀ ਲਿੰਕ ਮੌਜੂਦ ਨਹੀਂ ਹੈ। ਜਾਂਚ ਕਰੋ ਕਿ ਤੁਸੀਂ ਪੂਰਾ ਲਿੰਕ ਖੋਲ੍ਹਿਆ ਹੈ।
page-error-title = ਕੁਝ ਗ਼ਲਤ ਹੋ ਗਿਆ
page-error-body = ਕਿਰਪਾ ਕਰਕੇ ਥੋੜ੍ਹੀ ਦੇਰ ਬਾਅਦ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] ਇਸ ਲਿੰਕ ਰਾਹੀਂ ਥੋੜ੍ਹੇ ਸਮੇਂ ਵਿੱਚ ਬਹੁਤ ਸਾਰੇ ਫ਼ੈਸਲੇ ਲਏ ਗਏ ਹਨ। ਤੁਹਾਡੀ ਪਿਛਲੀ ਚੋਣ ਸੰਭਾਲੀ ਨਹੀਂ ਗਈ; { $minutes } ਮਿੰਟ ਬਾਅਦ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।
       *[other] ਇਸ ਲਿੰਕ ਰਾਹੀਂ ਥੋੜ੍ਹੇ ਸਮੇਂ ਵਿੱਚ ਬਹੁਤ ਸਾਰੇ ਫ਼ੈਸਲੇ ਲਏ ਗਏ ਹਨ। ਤੁਹਾਡੀ ਪਿਛਲੀ ਚੋਣ ਸੰਭਾਲੀ ਨਹੀਂ ਗਈ; { $minutes } ਮਿੰਟਾਂ ਬਾਅਦ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।
    }
decision-missing = ਕੋਈ ਇੱਕ ਵਿਕਲਪ ਚੁਣੋ: “ਮਨਜ਼ੂਰ ਕਰੋ”, “ਚੋਣਾਂ ਸੰਭਾਲੋ” ਜਾਂ “ਨਾਮਨਜ਼ੂਰ ਕਰੋ”।
decision-invalid = ਇਹ ਚੋਣ ਸੰਭਾਲੀ ਨਹੀਂ ਜਾ ਸਕਦੀ: ਇਹ ਪੰਨਾ ਖੋਲ੍ਹਣ ਤੋਂ ਬਾਅਦ ਸੂਚਨਾ ਬਦਲ ਗਈ ਹੈ। ਪੰਨਾ ਦੁਬਾਰਾ ਲੋਡ ਕਰੋ ਅਤੇ ਫਿਰ ਤੋਂ ਚੁਣੋ।
decision-unreadable = ਤੁਹਾਡੀ ਚੋਣ ਸਾਡੇ ਤੱਕ ਨਹੀਂ ਪਹੁੰਚੀ। ਕਿਰਪਾ ਕਰਕੇ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।
decision-failed-body = ਤੁਹਾਡਾ ਫ਼ੈਸਲਾ ਸੰਭਾਲਿਆ ਨਹੀਂ ਗਿਆ। ਕਿਰਪਾ ਕਰਕੇ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।

## The email that carries a consent link.

email-link-subject = { $org }: ਤੁਹਾਡੀ ਸਹਿਮਤੀ ਲਈ ਬੇਨਤੀ
email-link-heading = { $org } ਤੁਹਾਡੀ ਸਹਿਮਤੀ ਮੰਗਦਾ ਹੈ
email-link-intro = { $org } “{ $collection }” ਲਈ ਤੁਹਾਡੀ ਸਹਿਮਤੀ ਮੰਗਦਾ ਹੈ। ਪੜ੍ਹੋ ਕਿ ਉਹ ਤੁਹਾਡੇ ਡਾਟੇ ਨਾਲ ਕੀ ਕਰਨਾ ਚਾਹੁੰਦੇ ਹਨ ਅਤੇ ਹਰ ਮਕਸਦ ਲਈ ਵੱਖਰਾ ਫ਼ੈਸਲਾ ਕਰੋ।
email-link-button = ਪੜ੍ਹੋ ਅਤੇ ਫ਼ੈਸਲਾ ਕਰੋ
email-link-expiry = ਇਹ ਲਿੰਕ { $date } ਤੱਕ ਕੰਮ ਕਰੇਗਾ। ਤੁਸੀਂ ਬਾਅਦ ਵਿੱਚ ਇਸੇ ਲਿੰਕ ਰਾਹੀਂ ਆਪਣਾ ਫ਼ੈਸਲਾ ਬਦਲ ਸਕਦੇ ਹੋ ਜਾਂ ਸਹਿਮਤੀ ਵਾਪਸ ਲੈ ਸਕਦੇ ਹੋ।

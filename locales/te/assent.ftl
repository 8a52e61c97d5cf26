## This language's own name, as the language switcher shows it.

language-name = తెలుగు

## The hosted consent page.

page-language = భాష
page-asks-consent = { $org } మీ సమ్మతిని కోరుతోంది
page-notice = ప్రకటన
page-purposes = మీ డేటా దేని కోసం ఉపయోగించబడుతుంది
page-purposes-hint = మీరు అంగీకరించే ఉద్దేశాలను ఎంచుకుని, మీ ఎంపికలను భద్రపరచండి. లేదా అన్నింటినీ ఒకేసారి ఆమోదించండి లేదా తిరస్కరించండి.
page-required = తప్పనిసరి
page-data-used = ఉపయోగించే డేటా: { $categories }
page-approve = ఆమోదించండి
page-decline = తిరస్కరించండి
page-save = ఎంపికలను భద్రపరచండి
page-withdraw = సమ్మతిని ఉపసంహరించుకోండి
page-receipt-title = మీ నిర్ణయం నమోదైంది
page-receipt-summary =
    { $action ->
        [approved] మీరు { $date } న అన్ని ఉద్దేశాలను ఆమోదించారు.
        [declined] మీరు { $date } న అన్ని ఉద్దేశాలను తిరస్కరించారు.
        [withdrawn] మీరు { $date } న మీ సమ్మతిని ఉపసంహరించుకున్నారు.
       *[partial] మీరు { $date } న కొన్ని ఉద్దేశాలను ఆమోదించారు.
    }
page-granted = అనుమతించబడింది
page-not-granted = అనుమతించబడలేదు
page-reference = సూచన సంఖ్య: { $reference }
page-change-hint = ఇదే లింకు ద్వారా మీరు ఎప్పుడైనా మీ నిర్ణయాన్ని మార్చవచ్చు లేదా ఉపసంహరించుకోవచ్చు.
page-receipt-download = సంతకం చేసిన రసీదును డౌన్‌లోడ్ చేయండి
page-export = మీ సమ్మతి గురించి నమోదైన ప్రతిదాన్నీ డౌన్‌లోడ్ చేయండి
page-valid-until = ఈ లింకు { $date } వరకు పనిచేస్తుంది.
page-expired-title = ఈ లింకు గడువు ముగిసింది
page-expired-body = సమ్మతి లింకులు పరిమిత సమయం వరకు మాత్రమే పనిచేస్తాయి. దీన్ని పంపిన సంస్థను కొత్త లింకు కోసం అడగండి.
page-replaced-title = ఈ లింకు మార్చబడింది
page-replaced-body = ఈ అభ్యర్థన కోసం కొత్త లింకు పంపబడింది. దయచేసి మీకు చివరిగా అందిన సందేశాన్ని ఉపయోగించండి.
page-unknown-title = లింకు కనుగొనబడలేదు
page-unknown-body = ఈ సమ్మతి లింకు ఉనికిలో లేదు. మీరు పూర్తి లింకును తెరిచారో లేదో సరిచూసుకోండి.
page-error-title = ఏదో పొరపాటు జరిగింది
page-error-body = దయచేసి కొద్దిసేపటి తర్వాత మళ్లీ ప్రయత్నించండి.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] ఈ లింకు ద్వారా తక్కువ సమయంలో చాలా నిర్ణయాలు తీసుకోబడ్డాయి. మీ చివరి ఎంపిక భద్రపరచబడలేదు; { $minutes } నిమిషం తర్వాత మళ్లీ ప్రయత్నించండి.
       *[other] ఈ లింకు ద్వారా తక్కువ సమయంలో చాలా నిర్ణయాలు తీసుకోబడ్డాయి. మీ చివరి ఎంపిక భద్రపరచబడలేదు; { $minutes } నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి.
    }
decision-missing = ఒక ఎంపికను ఎంచుకోండి: “ఆమోదించండి”, “ఎంపికలను భద్రపరచండి” లేదా “తిరస్కరించండి”.
decision-invalid = ఈ ఎంపికను భద్రపరచడం సాధ్యం కాదు: ఈ పేజీ తెరిచిన తర్వాత ప్రకటన మారింది. పేజీని మళ్లీ లోడ్ చేసి, మళ్లీ ఎంచుకోండి.
decision-unreadable = మీ ఎంపిక అందలేదు. దయచేసి మళ్లీ ప్రయత్నించండి.
decision-failed-body = మీ నిర్ణయం భద్రపరచబడలేదు. దయచేసి మళ్లీ ప్రయత్నించండి.

## The email that carries a consent link.

email-link-subject = { $org }: మీ సమ్మతి కోరబడుతోంది
email-link-heading = { $org } మీ సమ్మతిని కోరుతోంది
email-link-intro = “{ $collection }” కోసం { $org } మీ సమ్మతిని కోరుతోంది. మీ డేటాతో వారు ఏమి చేయాలనుకుంటున్నారో చదివి, ప్రతి ఉద్దేశానికి విడివిడిగా నిర్ణయం తీసుకోండి.
email-link-button = చదివి నిర్ణయించండి
email-link-expiry = ఈ లింకు { $date } వరకు పనిచేస్తుంది. తర్వాత ఇదే లింకు ద్వారా మీరు మీ నిర్ణయాన్ని మార్చవచ్చు లేదా ఉపసంహరించుకోవచ్చు.

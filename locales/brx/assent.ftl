## This language's own name, as the language switcher shows it.

language-name = बर’

## The hosted consent page.

page-language = राव
page-asks-consent = { $org } आ नोंथांनिफ्राय गनायथि लुबैयो
page-notice = मिथिसारहोनाय
page-purposes = नोंथांनि डाटाखौ मा थांखिनि थाखाय बाहायजागोन
page-purposes-hint = नोंथाङा गनायथि होनो लुबैनाय थांखिफोरखौ सायख, बेनि उनाव नोंथांनि बासिखनायखौ थिना दोन। एबा गासैबोखौ गनायथि हो एबा नेवसि।
page-required = नांगौ
page-data-used = बाहायनाय डाटा: { $categories }
page-approve = गनायथि हो
page-decline = नेवसि
page-save = बासिखनायखौ थिना दोन
page-withdraw = गनायथि लाफिन
page-receipt-title = नोंथांनि थि खालामनायखौ थिसननाय जाबाय
page-receipt-summary =
    { $action ->
        [approved] नोंथाङा { $date } आव गासै थांखिफोरखौ गनायथि होबाय।
        [declined] नोंथाङा { $date } आव गासै थांखिफोरखौ नेवसिबाय।
        [withdrawn] नोंथाङा { $date } आव नोंथांनि गनायथिखौ लाफिनबाय।
       *[partial] नोंथाङा { $date } आव माखासे थांखिफोरखौ गनायथि होबाय।
    }
page-granted = गनायथि दं
page-not-granted = गनायथि गैया
page-reference = मख'नाय: { $reference }
page-change-hint = नोंथाङा बे एखे लिंकजों माब्लाबा नोंथांनि थि खालामनायखौ सोलायनो एबा लाफिननो हायो।
page-receipt-download = सहि खालामनाय रसिदखौ डाउनल'ड खालाम
page-export = नोंथांनि गनायथिनि सोमोन्दै थिसननाय गासैखौबो डाउनल'ड खालाम
page-valid-until = बे लिंकआ { $date } सिम खामानि मावगोन।
page-expired-title = बे लिंकनि मेयाद बारबाय
page-expired-body = गनायथिनि लिंकफोरा मोनसे थि समनि थाखायल' खामानि मावो। बेखौ हरनाय आफादखौ मोनसे गोदान लिंकनि थाखाय बिनायथि हो।
page-replaced-title = बे लिंकखौ सोलायनाय जाबाय
page-replaced-body = बे बिनायथिनि थाखाय मोनसे गोदान लिंक हरनाय जाबाय। अननानै नोंथाङा मोननाय जोबथा खौरांखौ बाहाय।
page-unknown-title = लिंक मोनाखै
page-unknown-body = बे गनायथिनि लिंकआ गैया। नोंथाङा गासै लिंकखौ खेवबाय नामा, बेखौ आनजाद खालाम।
page-error-title = माबा गोरोन्थि जाबाय
page-error-body = अननानै इसे समनि उनाव नाजाफिन।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] बे लिंकजों इसे समनि गेजेराव गोबां थि खालामनाय जाबाय। नोंथांनि जोबथा बासिखनायखौ थिना दोननाय जायाखै; { $minutes } मिनिट उनाव नाजाफिन।
       *[other] बे लिंकजों इसे समनि गेजेराव गोबां थि खालामनाय जाबाय। नोंथांनि जोबथा बासिखनायखौ थिना दोननाय जायाखै; { $minutes } मिनिट उनाव नाजाफिन।
    }
decision-missing = मोनसे उफ्रा सायख: “गनायथि हो”, “बासिखनायखौ थिना दोन” एबा “नेवसि”।
decision-invalid = बे बासिखनायखौ थिना दोननो हाया: बे बिखंखौ खेवनायनि उनाव मिथिसारहोनायआ सोलायबाय। बिखंखौ फिन ल'ड खालाम आरो फिन सायख।
decision-unreadable = नोंथांनि बासिखनायखौ मोनाखै। अननानै नाजाफिन।
decision-failed-body = नोंथांनि थि खालामनायखौ थिना दोननाय जायाखै। अननानै नाजाफिन।

## The email that carries a consent link.

email-link-subject = { $org }: नोंथांनि गनायथिनि थाखाय बिनायथि
email-link-heading = { $org } आ नोंथांनिफ्राय गनायथि लुबैयो
email-link-intro = { $org } आ “{ $collection }” नि थाखाय नोंथांनिफ्राय गनायथि लुबैयो। बिसोरा नोंथांनि डाटाजों मा खालामनो लुबैयो, बेखौ फराय आरो मोनफ्रोम थांखिनि थाखाय आलादायै थि खालाम।
email-link-button = फराय आरो थि खालाम
email-link-expiry = लिंकआ { $date } सिम खामानि मावगोन। नोंथाङा उनाव बे एखे लिंकजों नोंथांनि थि खालामनायखौ सोलायनो एबा लाफिननो हागोन।

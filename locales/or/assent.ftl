## This language's own name, as the language switcher shows it.

language-name = ଓଡ଼ିଆ

## The hosted consent page.

page-language = ଭାଷା
page-asks-consent = { $org } ଆପଣଙ୍କ ସମ୍ମତି ମାଗୁଛି
page-notice = ସୂଚନା
page-purposes = ଆପଣଙ୍କ ତଥ୍ୟ କେଉଁ ଉଦ୍ଦେଶ୍ୟରେ ବ୍ୟବହାର ହେବ
page-purposes-hint = ଆପଣ ଯେଉଁ ଉଦ୍ଦେଶ୍ୟଗୁଡ଼ିକରେ ସହମତ, ସେଗୁଡ଼ିକୁ ଚିହ୍ନିତ କରନ୍ତୁ, ତାପରେ ଆପଣଙ୍କ ପସନ୍ଦ ସଞ୍ଚୟ କରନ୍ତୁ। କିମ୍ବା ସବୁ ଉଦ୍ଦେଶ୍ୟ ଗ୍ରହଣ କିମ୍ବା ପ୍ରତ୍ୟାଖ୍ୟାନ କରନ୍ତୁ।
page-required = ଆବଶ୍ୟକ
page-data-used = ବ୍ୟବହୃତ ତଥ୍ୟ: { $categories }
page-approve = ଗ୍ରହଣ କରନ୍ତୁ
page-decline = ପ୍ରତ୍ୟାଖ୍ୟାନ କରନ୍ତୁ
page-save = ପସନ୍ଦ ସଞ୍ଚୟ କରନ୍ତୁ
page-withdraw = ସମ୍ମତି ପ୍ରତ୍ୟାହାର କରନ୍ତୁ
page-receipt-title = ଆପଣଙ୍କ ନିଷ୍ପତ୍ତି ଲିପିବଦ୍ଧ ହୋଇଛି
page-receipt-summary =
    { $action ->
        [approved] ଆପଣ { $date } ରେ ସମସ୍ତ ଉଦ୍ଦେଶ୍ୟ ଗ୍ରହଣ କଲେ।
        [declined] ଆପଣ { $date } ରେ ସମସ୍ତ ଉଦ୍ଦେଶ୍ୟ ପ୍ରତ୍ୟାଖ୍ୟାନ କଲେ।
        [withdrawn] ଆପଣ { $date } ରେ ନିଜ ସମ୍ମତି ପ୍ରତ୍ୟାହାର କଲେ।
       *[partial] ଆପଣ { $date } ରେ କିଛି ଉଦ୍ଦେଶ୍ୟ ଗ୍ରହଣ କଲେ।
    }
page-granted = ଅନୁମତି ଅଛି
page-not-granted = ଅନୁମତି ନାହିଁ
page-reference = ସନ୍ଦର୍ଭ: { $reference }
page-change-hint = ଆପଣ ଏହି ଲିଙ୍କ ମାଧ୍ୟମରେ ଯେକୌଣସି ସମୟରେ ନିଜ ନିଷ୍ପତ୍ତି ବଦଳାଇପାରିବେ କିମ୍ବା ସମ୍ମତି ପ୍ରତ୍ୟାହାର କରିପାରିବେ।
page-receipt-download = ଦସ୍ତଖତ ହୋଇଥିବା ରସିଦ ଡାଉନଲୋଡ୍ କରନ୍ତୁ
page-export = ଆପଣଙ୍କ ସମ୍ମତି ବିଷୟରେ ଲିପିବଦ୍ଧ ହୋଇଥିବା ସବୁକିଛି ଡାଉନଲୋଡ୍ କରନ୍ତୁ
page-valid-until = ଏହି ଲିଙ୍କ { $date } ପର୍ଯ୍ୟନ୍ତ କାମ କରିବ।
page-expired-title = ଏହି ଲିଙ୍କର ମିଆଦ ସରିଯାଇଛି
page-expired-body = ସମ୍ମତି ଲିଙ୍କ କେବଳ ସୀମିତ ସମୟ ପାଇଁ କାମ କରେ। ଯେଉଁ ସଂସ୍ଥା ଏହାକୁ ପଠାଇଥିଲା, ସେମାନଙ୍କଠାରୁ ଏକ ନୂଆ ଲିଙ୍କ ମାଗନ୍ତୁ।
page-replaced-title = ଏହି ଲିଙ୍କ ବଦଳାଯାଇଛି
page-replaced-body = ଏହି ଅନୁରୋଧ ପାଇଁ ଏକ ନୂଆ ଲିଙ୍କ ପଠାଯାଇଛି। ଦୟାକରି ଆପଣ ପାଇଥିବା ସବୁଠାରୁ ନୂଆ ବାର୍ତ୍ତା ବ୍ୟବହାର କରନ୍ତୁ।
page-unknown-title = ଲିଙ୍କ ମିଳିଲା ନାହିଁ
page-unknown-body = ଏହି ସମ୍ମତି ଲିଙ୍କର କୌଣସି ଅସ୍ତିତ୍ୱ ନାହିଁ। ଆପଣ ସମ୍ପୂର୍ଣ୍ଣ ଲିଙ୍କ ଖୋଲିଛନ୍ତି କି ନାହିଁ ଯାଞ୍ଚ କରନ୍ତୁ।
page-error-title = କିଛି ଭୁଲ ହୋଇଗଲା
page-error-body = ଦୟାକରି କିଛି ସମୟ ପରେ ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] ଏହି ଲିଙ୍କରୁ ଅଳ୍ପ ସମୟ ମଧ୍ୟରେ ଅନେକ ନିଷ୍ପତ୍ତି ନିଆଯାଇଛି। ଆପଣଙ୍କ ଶେଷ ପସନ୍ଦ ସଞ୍ଚୟ ହୋଇନାହିଁ; { $minutes } ମିନିଟ ପରେ ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।
       *[other] ଏହି ଲିଙ୍କରୁ ଅଳ୍ପ ସମୟ ମଧ୍ୟରେ ଅନେକ ନିଷ୍ପତ୍ତି ନିଆଯାଇଛି। ଆପଣଙ୍କ ଶେଷ ପସନ୍ଦ ସଞ୍ଚୟ ହୋଇନାହିଁ; { $minutes } ମିନିଟ ପରେ ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।
    }
decision-missing = ଗୋଟିଏ ବିକଳ୍ପ ବାଛନ୍ତୁ: “ଗ୍ରହଣ କରନ୍ତୁ”, “ପସନ୍ଦ ସଞ୍ଚୟ କରନ୍ତୁ” କିମ୍ବା “ପ୍ରତ୍ୟାଖ୍ୟାନ କରନ୍ତୁ”।
decision-invalid = ଏହି ପସନ୍ଦ ସଞ୍ଚୟ କରାଯାଇପାରିବ ନାହିଁ: ଏହି ପୃଷ୍ଠାଟି ଖୋଲିବା ପରେ ସୂଚନା ବଦଳି ଯାଇଛି। ପୃଷ୍ଠାଟି ପୁଣି ଲୋଡ୍ କରନ୍ତୁ ଏବଂ ପୁଣି ବାଛନ୍ତୁ।
decision-unreadable = ଆପଣଙ୍କ ପସନ୍ଦ ଆମ ପାଖରେ ପହଞ୍ଚିଲା ନାହିଁ। ଦୟାକରି ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।
decision-failed-body = ଆପଣଙ୍କ ନିଷ୍ପତ୍ତି ସଞ୍ଚୟ ହୋଇନାହିଁ। ଦୟାକରି ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।

## The email that carries a consent link.

email-link-subject = { $org }: ଆପଣଙ୍କ ସମ୍ମତି ପାଇଁ ଅନୁରୋଧ
email-link-heading = { $org } ଆପଣଙ୍କ ସମ୍ମତି ମାଗୁଛି
email-link-intro = { $org } “{ $collection }” ପାଇଁ ଆପଣଙ୍କ ସମ୍ମତି ମାଗୁଛି। ସେମାନେ ଆପଣଙ୍କ ତଥ୍ୟ ସହିତ କ’ଣ କରିବାକୁ ଚାହାନ୍ତି ପଢ଼ନ୍ତୁ, ଏବଂ ପ୍ରତ୍ୟେକ ଉଦ୍ଦେଶ୍ୟ ପାଇଁ ଅଲଗା ଅଲଗା ନିଷ୍ପତ୍ତି ନିଅନ୍ତୁ।
email-link-button = ପଢ଼ନ୍ତୁ ଓ ନିଷ୍ପତ୍ତି ନିଅନ୍ତୁ
email-link-expiry = ଏହି ଲିଙ୍କ { $date } ପର୍ଯ୍ୟନ୍ତ କାମ କରିବ। ଆପଣ ପରେ ଏହି ଲିଙ୍କ ମାଧ୍ୟମରେ ନିଜ ନିଷ୍ପତ୍ତି ବଦଳାଇପାରିବେ କିମ୍ବା ସମ୍ମତି ପ୍ରତ୍ୟାହାର କରିପାରିବେ।

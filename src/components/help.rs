//! Help in plain words: what the statuses and omitted mean, how the tool decides, and its limits.

use yew::prelude::*;

/// The help view (a function, not a component: see `components/mod.rs`).
pub fn help_view() -> Html {
    html! {
        <div class="help">
            <h2>{ "What Crosscheck shows" }</h2>
            <p>{ "Crosscheck reads several articles about the same event and lines up the sentences that report the same piece of information, even when the articles tell it in a different order or with different words." }</p>
            <dl class="terms">
                <dt>{ "Same information" }</dt>
                <dd>{ "The sources report the same details, whatever the wording: other words, another word order, another verb for \"said\", spellings such as Kyiv / Kiev. Other wording is " }<span class="m-reworded">{ "dotted" }</span>{ ", quietly." }</dd>
                <dt>{ "Adds details" }</dt>
                <dd>{ "At least one source gives a detail the others do not mention (a number, a date or day, a name or place, quoted words), and nothing conflicts. Those words are " }<span class="m-added">{ "underlined" }</span>{ "." }</dd>
                <dt>{ "Details conflict" }</dt>
                <dd>{ "The sources give different values for the same detail: another number for the same quantity, another day or date for the same event, another person as the one who acted or spoke, a \"not\" only one of them has, or other words inside the same quotation. Those words are " }<mark class="m-conflict">{ "highlighted" }</mark>{ "." }</dd>
                <dt>{ "One source only" }</dt>
                <dd>{ "Only one article reports this. It may be an extra detail, background, or something the others chose to leave out." }</dd>
                <dt>{ "Not reported (omitted)" }</dt>
                <dd>{ "The source does not say this, although others do. The Overview counts what each source leaves out that at least two others report." }</dd>
                <dt>{ "Reference" }</dt>
                <dd>{ "In each row one sentence is the reference; the others' words are compared with it. You can choose the reference source above the views." }</dd>
                <dt>{ "Greyed text" }</dt>
                <dd>{ "Advertising, newsletter invitations, photo credits and copyright lines are not article content: they are shown greyed and never compared." }</dd>
            </dl>
            <h2>{ "How it decides" }</h2>
            <p>{ "It compares the words that carry information (names, numbers, dates and other content words), giving rare words more weight than common ones. Two sentences are put in one row when they share enough of them. Inside a row it compares word by word." }</p>
            <h2>{ "Its limits" }</h2>
            <ul>
                <li>{ "It compares what the articles say, not whether it is true. A detail reported by every source can still be wrong." }</li>
                <li>{ "It matches words, not meaning: a sentence that says the same thing in completely different words may not be lined up, and two sentences that share many words may be lined up although they say different things." }</li>
                <li>{ "\"Not reported\" means it found no matching sentence; the article may still say it in another way." }</li>
            </ul>
            <h2>{ "Keys" }</h2>
            <p><kbd>{ "j" }</kbd>{ " / " }<kbd>{ "k" }</kbd>{ ": next / previous row where details conflict or a source adds details (in the aligned view). Inside the aligned sentences, which are one Tab stop, the up and down arrows move between rows and left and right between a row's marks, whose labels then show. Arrow keys move between tabs. Enter on a sentence in the reading view opens its row." }</p>
            <h2>{ "Your own articles" }</h2>
            <p>{ "Open Articles (or \"Add or edit articles\") to paste text, choose files or drop them anywhere on the page: plain text (.txt), Markdown (.md) and web pages saved from a browser (.html). Your articles are saved in this browser as you go; export the session to move them to another computer." }</p>
            <p>{ "Crosscheck never opens the links you give it. A page like this cannot read other websites, and nothing you compare leaves your computer. To compare an article from the web, save the page (Ctrl+S or ⌘S) and drop the saved file here, or copy its text and paste it." }</p>
            <h2>{ "Privacy" }</h2>
            <p>{ "Everything happens in this page. Nothing is uploaded or fetched; the page works offline." }</p>
        </div>
    }
}

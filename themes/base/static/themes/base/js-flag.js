/* Loaded in <head> without defer, so it runs before the first paint: it marks the page as
   scripted, and the stylesheet then draws the phone menu closed from the start (no layout
   shift). Without script the class is never set and the menu stays open and reachable. */
document.documentElement.className += " js";

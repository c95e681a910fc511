-- The chat template an in-process (local) endpoint renders prompts with, by name (chatml, llama3, ...).
-- NULL or empty: detect it from the model folder's tokenizer_config.json / config.json.
ALTER TABLE endpoints ADD COLUMN chat_template TEXT;
